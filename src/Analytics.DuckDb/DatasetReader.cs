using System.Collections;
using DuckDB.NET.Data;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>Reads a page of a written dataset, sorted by a column checked against the dataset's own columns.</summary>
internal static class DatasetReader
{
    public static AnalyticsPage? Read(string folder, AnalyticsPageRequest request, Func<DuckDBConnection> open, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var files = Directory.GetFiles(folder, "part-*.parquet").Order(StringComparer.Ordinal).Select(LocalLake.Quote).ToArray();
        if (files.Length == 0)
        {
            return null;
        }

        using var connection = open();
        var source = $"read_parquet([{string.Join(", ", files)}], file_row_number = true)";
        var columns = new List<string>();
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = $"DESCRIBE SELECT * FROM {source}";
            using var schema = describe.ExecuteReader();
            while (schema.Read())
            {
                columns.Add(schema.GetString(0));
            }
        }

        columns.Remove("file_row_number");
        // The sort column is only ever one of the dataset's own names, then quoted: nothing from a request reaches SQL.
        var sort = request.SortBy is null ? null : columns.FirstOrDefault(c => string.Equals(c, request.SortBy, StringComparison.Ordinal))
            ?? throw new InvalidAnalyticsRequestException("sortBy", $"'{request.SortBy}' is not a column of {request.Dataset}; its columns are {string.Join(", ", columns)}.");
        var total = Convert.ToInt64(DuckDbAnalyticsEngine.Scalar(connection, $"SELECT count(*) FROM {source}", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var order = sort is null
            ? "file_row_number"
            : $"{Identifier(sort)} {(request.Descending ? "DESC" : "ASC")} NULLS LAST, file_row_number";
        var rows = new List<IReadOnlyList<object?>>();
        using (var page = connection.CreateCommand())
        {
            page.CommandText = $"SELECT {string.Join(", ", columns.Select(Identifier))} FROM {source} ORDER BY {order} LIMIT {request.Limit} OFFSET {request.Offset}";
            using var registration = cancellationToken.Register(page.Cancel);
            using var reader = page.ExecuteReader();
            while (reader.Read())
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : Value(reader.GetValue(i));
                }

                rows.Add(row);
            }
        }

        return new AnalyticsPage(columns, rows, total);
    }

    internal static object? Value(object value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text => text,
        IEnumerable list => list.Cast<object?>().Select(v => v?.ToString()).ToArray(),
        _ => value,
    };

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
