using DuckDB.NET.Data;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>
/// Runs catalog reports over the raw zone on one connection: the inputs and shared views once, then each report with
/// its parameters bound (<c>$name</c>), never spliced into the SQL.
/// </summary>
internal static class ReportRunner
{
    public static IReadOnlyDictionary<string, AnalyticsPage> Run(string root, AnalyticsReportRequest request, Func<DuckDBConnection> open, CancellationToken cancellationToken)
    {
        var reports = request.Reports.Select(name => ReportCatalog.Find(name)
            ?? throw new ArgumentException($"'{name}' is not an analytics report.", nameof(request))).ToArray();
        using var connection = open();
        // Every report reads every date partition that exists now: a file renamed into place later waits for the next call.
        foreach (var input in reports.SelectMany(r => r.Inputs).DistinctBy(i => i.ViewName))
        {
            var partitions = LocalLake.Partitions(root, input, _ => true);
            DuckDbAnalyticsEngine.Execute(connection, $"CREATE VIEW {input.ViewName} AS {DuckDbAnalyticsEngine.InputView(connection, input, partitions)}", cancellationToken);
        }

        // Each report lists its views in dependency order (question_outcomes after graded_submissions), and the first
        // occurrence of a view is never after a view that reads it, so the union keeps a valid order.
        foreach (var view in reports.SelectMany(r => r.Views).DistinctBy(v => v.Name))
        {
            DuckDbAnalyticsEngine.Execute(connection, $"CREATE VIEW {view.Name} AS {view.Template}", cancellationToken);
        }

        var result = new Dictionary<string, AnalyticsPage>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            result[report.Name] = Query(connection, report, request.Parameters, cancellationToken);
        }

        return result;
    }

    private static AnalyticsPage Query(DuckDBConnection connection, ReportQuery report, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = connection.CreateCommand();
        command.CommandText = report.Sql(name => "$" + name);
        foreach (var name in report.Parameters)
        {
            var value = parameters.TryGetValue(name, out var given) ? given
                : throw new ArgumentException($"The report {report.Name} needs the parameter {name}.", nameof(parameters));
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read())
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Normalize(DatasetReader.Value(reader.GetValue(i)));
            }

            rows.Add(row);
        }

        return new AnalyticsPage(columns, rows, rows.Count);
    }

    // Counts come back as BIGINT, sums of integers as HUGEINT: callers read every whole number as a long.
    private static object? Normalize(object? value) => value switch
    {
        System.Numerics.BigInteger big => (long)big,
        int number => (long)number,
        decimal number => (double)number,
        _ => value,
    };
}
