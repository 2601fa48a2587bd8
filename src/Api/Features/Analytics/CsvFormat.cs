using System.Globalization;
using System.Text;

namespace ProctorWise.Api.Features.Analytics;

/// <summary>
/// RFC 4180 CSV: a header row, CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled).
/// Text that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a
/// leading <c>'</c>; numbers, dates and booleans are written as values and are never formulas.
/// </summary>
public static class CsvFormat
{
    private static readonly char[] s_formulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The document for <paramref name="columns"/> and <paramref name="rows"/>.</summary>
    public static string Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        Line(csv, columns.Select(Text));
        foreach (var row in rows)
        {
            Line(csv, row.Select(Cell));
        }

        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.AppendJoin(',', fields).Append("\r\n");

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string text => Text(text),
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when double.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        float number when float.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        // Only numbers are written as bare values: a spreadsheet reads "-3" as minus three. Anything else that merely
        // formats itself (a time span "-00:05:00", an infinity "-Infinity", a GUID, an enum) is text and is neutralised.
        sbyte or byte or short or ushort or int or uint or long or ulong or decimal or System.Numerics.BigInteger
            => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> list => Text(string.Join(";", list)),
        IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Text(string text)
    {
        var safe = text.Length > 0 && s_formulaStarts.Contains(text[0]) ? "'" + text : text;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
