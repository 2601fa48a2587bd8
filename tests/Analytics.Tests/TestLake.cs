using System.Globalization;
using DuckDB.NET.Data;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// A lake in a temporary folder, written the way the lake writer does: <c>raw/&lt;namespace&gt;/date=…/type=…/part-*.parquet</c>,
/// timestamps as UTC instants. Files are written with DuckDB's COPY, independently of the engine under test.
/// </summary>
internal sealed class TestLake : IDisposable
{
    private readonly DuckDBConnection _connection;
    private int _files;

    public TestLake()
    {
        Root = Path.Combine(Path.GetTempPath(), "pw-lake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        Execute("SET TimeZone = 'UTC'");
    }

    public string Root { get; }

    /// <summary>Writes the rows, one new part file per event type and UTC day of occurred_at.</summary>
    public void Write(params Row[] rows)
    {
        foreach (var group in rows.GroupBy(r => (r.Namespace, r.EventType, Day: DateOnly.FromDateTime(r.OccurredAt.UtcDateTime))))
        {
            var folder = PartitionFolder(group.Key.Namespace, group.Key.EventType, group.Key.Day);
            WriteFile(Path.Combine(folder, $"part-{++_files:D5}.parquet"), [.. group]);
        }
    }

    public string PartitionFolder(string @namespace, string eventType, DateOnly day)
    {
        var folder = Path.Combine(Root, "raw", @namespace, $"date={day:yyyy-MM-dd}", $"type={eventType}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void WriteFile(string path, IReadOnlyList<Row> rows)
    {
        var columns = rows[0].Values.Select(v => v.Column).ToArray();
        var tuples = rows.Select(r => "(" + string.Join(", ", r.Values.Select(v => Literal(v.Value))) + ")");
        Execute($"COPY (SELECT * FROM (VALUES {string.Join(",\n", tuples)}) AS v({string.Join(", ", columns)})) " +
                $"TO '{path}' (FORMAT parquet)");
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("Use SqlNull for a NULL value."),
        SqlNull n => $"CAST(NULL AS {n.Type})",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateTimeOffset t => $"CAST('{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00' AS TIMESTAMPTZ)",
        double d => $"CAST({d.ToString("R", CultureInfo.InvariantCulture)} AS DOUBLE)",
        int i => $"CAST({i.ToString(CultureInfo.InvariantCulture)} AS INTEGER)",
        bool b => b ? "TRUE" : "FALSE",
        _ => throw new ArgumentException($"No literal for {value.GetType()}."),
    };

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
