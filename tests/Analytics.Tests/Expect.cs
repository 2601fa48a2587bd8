using System.Globalization;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.Tests;

/// <summary>Compares a dataset page with rows written out by hand.</summary>
internal static class Expect
{
    public static void Rows(AnalyticsPage? page, string[] columns, params object?[][] rows)
    {
        Assert.NotNull(page);
        Assert.Equal(columns, page.Columns);
        Assert.Equal(rows.Length, page.TotalRows);
        Assert.Equal(rows.Length, page.Rows.Count);
        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(columns.Length, rows[r].Length);
            for (var c = 0; c < columns.Length; c++)
            {
                var expected = rows[r][c];
                var actual = page.Rows[r][c];
                Assert.True(Same(expected, actual),
                    $"row {r + 1}, {columns[c]}: expected {Show(expected)}, got {Show(actual)}");
            }
        }
    }

    /// <summary>A UTC instant of 2026 (or another year).</summary>
    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static DateOnly Date(int month, int day, int year = 2026) => new(year, month, day);

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (double e, double a) => Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)),
        (int e, long a) => e == a,
        (int e, int a) => e == a,
        (string[] e, string[] a) => e.SequenceEqual(a),
        _ => Equals(expected, actual),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string[] list => "[" + string.Join(", ", list) + "]",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"{value} ({value.GetType().Name})",
    };
}
