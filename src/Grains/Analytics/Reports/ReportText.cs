using System.Globalization;

namespace ProctorWise.Grains.Analytics.Reports;

/// <summary>How figures read in a PDF report: invariant culture, one decimal for percentages, UTC times.</summary>
internal static class ReportText
{
    public const string None = "—";

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : None;

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : None;

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>tab_hidden</c> → <c>Tab hidden</c>, as the web client shows types.</summary>
    public static string Humanize(string snake)
    {
        var words = snake.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) + " h" : None;

    public static string Minutes(double seconds) => (seconds / 60).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Duration(double? seconds)
    {
        if (seconds is not { } s)
        {
            return None;
        }

        var span = TimeSpan.FromSeconds(Math.Round(s));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds} s");
    }
}
