using Parquet;

namespace ProctorWise.Lake.Events;

/// <summary>Writes rows of a <see cref="LakeTable"/> as one Parquet file (one row group) with Parquet.Net.</summary>
internal static class ParquetTableWriter
{
    public static async Task WriteAsync(LakeTable table, IReadOnlyList<object> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = await ParquetWriter.CreateAsync(table.Schema, output, cancellationToken: cancellationToken);
        using var group = writer.CreateRowGroup();
        foreach (var column in table.Columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteColumnAsync(group, column, rows);
        }

        group.CompleteValidate();
    }

    private static Task WriteColumnAsync(ParquetRowGroupWriter group, LakeColumn column, IReadOnlyList<object> rows) => column.Kind switch
    {
        LakeColumnKind.String => group.WriteAsync(column.Field, Values<string>(column, rows)),
        LakeColumnKind.Int32 => WriteStructAsync<int>(group, column, rows),
        LakeColumnKind.Int64 => WriteStructAsync<long>(group, column, rows),
        LakeColumnKind.Double => WriteStructAsync<double>(group, column, rows),
        LakeColumnKind.Boolean => WriteStructAsync<bool>(group, column, rows),
        LakeColumnKind.Timestamp => WriteStructAsync<DateTime>(group, column, rows),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Not a lake column kind."),
    };

    private static Task WriteStructAsync<T>(ParquetRowGroupWriter group, LakeColumn column, IReadOnlyList<object> rows)
        where T : struct
    {
        if (column.IsNullable)
        {
            var values = rows.Select(r => (T?)column.Value(r)).ToArray();
            return group.WriteAsync<T>(column.Field, values.AsMemory());
        }

        var required = new T[rows.Count];
        for (var i = 0; i < required.Length; i++)
        {
            required[i] = column.Value(rows[i]) is T value
                ? value
                : throw new InvalidOperationException($"Column {column.Name} is required but a row has no value.");
        }

        return group.WriteAsync<T>(column.Field, required.AsMemory());
    }

    private static T[] Values<T>(LakeColumn column, IReadOnlyList<object> rows)
        where T : class
    {
        var values = rows.Select(r => (T?)column.Value(r)).ToArray();
        if (!column.IsNullable && Array.IndexOf(values, null) is var missing and >= 0)
        {
            throw new InvalidOperationException($"Column {column.Name} is required but row {missing} has no value.");
        }

        return values!;
    }
}
