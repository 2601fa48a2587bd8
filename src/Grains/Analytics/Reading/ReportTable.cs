using System.Globalization;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics.Reading;

/// <summary>Typed access by column name to the rows of a report, whatever order its SELECT lists them in.</summary>
internal sealed class ReportTable(AnalyticsPage page)
{
    private readonly Dictionary<string, int> _columns = page.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

    public int Count => page.Rows.Count;

    public IEnumerable<int> Indexes => Enumerable.Range(0, Count);

    public object? Value(int row, string column) => page.Rows[row][_columns[column]];

    public long Long(int row, string column) => Value(row, column) is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;

    public double? Double(int row, string column) => Value(row, column) is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    public string Text(int row, string column) => Convert.ToString(Value(row, column), CultureInfo.InvariantCulture) ?? string.Empty;
}
