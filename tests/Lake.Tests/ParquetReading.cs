using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake.Tests;

/// <summary>Reads a lake file back with Parquet.Net, independently of the writer's own schema code.</summary>
internal static class ParquetReading
{
    /// <summary>Columns as "name:type" (type from the file's own metadata, '?' for OPTIONAL) and rows by column name.</summary>
    public static async Task<(List<string> Columns, List<Dictionary<string, object?>> Rows)> ReadAsync(ILakeStorage storage, string path, CancellationToken cancellationToken)
    {
        await using var stream = await storage.OpenReadAsync(path, cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return await ReadAsync(copy, cancellationToken);
    }

    public static async Task<(List<string> Columns, List<Dictionary<string, object?>> Rows)> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: cancellationToken);
        var elements = reader.Metadata!.Schema.Skip(1).ToList();
        var columns = elements.Select(e => $"{e.Name}:{TypeOf(e)}").ToList();
        var rows = new List<Dictionary<string, object?>>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var groupRows = Enumerable.Range(0, count).Select(_ => new Dictionary<string, object?>(StringComparer.Ordinal)).ToList();
            foreach (var field in reader.Schema.DataFields)
            {
                var values = await ReadColumnAsync(group, field, count);
                for (var i = 0; i < count; i++)
                {
                    groupRows[i][field.Name] = values[i];
                }
            }

            rows.AddRange(groupRows);
        }

        return (columns, rows);
    }

    private static string TypeOf(SchemaElement e)
    {
        var type = e.LogicalType?.TIMESTAMP is { } ts
            ? (ts.IsAdjustedToUTC && ts.Unit.MICROS is not null ? "timestamp" : "timestamp(not utc micros)")
            : e.Type switch
            {
                Parquet.Meta.Type.BYTE_ARRAY when e.LogicalType?.STRING is not null => "string",
                Parquet.Meta.Type.INT32 => "int32",
                Parquet.Meta.Type.INT64 => "int64",
                Parquet.Meta.Type.DOUBLE => "double",
                Parquet.Meta.Type.BOOLEAN => "boolean",
                _ => $"other({e.Type})",
            };
        return type + (e.RepetitionType == FieldRepetitionType.OPTIONAL ? "?" : "");
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field is DateTimeDataField)
        {
            var values = new DateTime?[count];
            await group.ReadAsync<DateTime>(field, values);
            return [.. values.Select(v => (object?)v)];
        }

        var clr = field.ClrType;
        if (clr == typeof(int))
        {
            var values = new int?[count];
            await group.ReadAsync<int>(field, values);
            return [.. values.Select(v => (object?)v)];
        }

        if (clr == typeof(long))
        {
            var values = new long?[count];
            await group.ReadAsync<long>(field, values);
            return [.. values.Select(v => (object?)v)];
        }

        if (clr == typeof(double))
        {
            var values = new double?[count];
            await group.ReadAsync<double>(field, values);
            return [.. values.Select(v => (object?)v)];
        }

        if (clr == typeof(bool))
        {
            var values = new bool?[count];
            await group.ReadAsync<bool>(field, values);
            return [.. values.Select(v => (object?)v)];
        }

        var strings = new string[count];
        await group.ReadAsync(field, strings);
        return [.. strings.Select(v => (object?)v)];
    }
}
