using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ProctorWise.Analytics;

/// <summary>
/// One period a job runs over: a half-open UTC interval [<see cref="Start"/>, <see cref="End"/>) and its key,
/// which names the output folder (<c>processed/&lt;job&gt;/&lt;key&gt;/</c>). Weeks are ISO 8601 (Monday first;
/// week 1 holds the year's first Thursday), so the key's year can differ from the calendar year of a day in it
/// (2027-01-01 is in <c>2026-W53</c>). The original named Sunday-start weeks with a Monday-based <c>%W</c>.
/// </summary>
public sealed record AnalyticsPeriod
{
    private AnalyticsPeriod(PeriodKind kind, DateTimeOffset start, DateTimeOffset end, string key)
    {
        Kind = kind;
        Start = start;
        End = end;
        Key = key;
    }

    /// <summary>Daily, weekly or monthly.</summary>
    public PeriodKind Kind { get; }

    /// <summary>First instant in the period (UTC, inclusive).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>First instant after the period (UTC, exclusive).</summary>
    public DateTimeOffset End { get; }

    /// <summary>The period's key: <c>2026-12-05</c>, <c>2026-W49</c> or <c>2026-12</c>.</summary>
    public string Key { get; }

    /// <summary>The first UTC day of the period.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>The UTC days of the period, in order.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = FirstDay; day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) < End.UtcDateTime; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="instant"/> (taken in UTC).</summary>
    public static AnalyticsPeriod Containing(PeriodKind kind, DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(instant.UtcDateTime);
        return kind switch
        {
            PeriodKind.Daily => Day(day),
            PeriodKind.Weekly => Week(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
            PeriodKind.Monthly => Month(day.Year, day.Month),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
        };
    }

    /// <summary>The period that follows this one.</summary>
    public AnalyticsPeriod Next() => Containing(Kind, End);

    /// <summary>The period that precedes this one.</summary>
    public AnalyticsPeriod Previous() => Containing(Kind, Start.AddTicks(-1));

    /// <summary>The last period of <paramref name="kind"/> that ended at or before <paramref name="now"/> (what a schedule runs).</summary>
    public static AnalyticsPeriod LastCompleted(PeriodKind kind, DateTimeOffset now) => Containing(kind, now).Previous();

    /// <summary>Parses a key of <paramref name="kind"/>; throws a <see cref="FormatException"/> that says what was expected.</summary>
    public static AnalyticsPeriod Parse(PeriodKind kind, string key) =>
        TryParse(kind, key, out var period)
            ? period
            : throw new FormatException($"'{key}' is not a {kind.ToString().ToLowerInvariant()} period; expected {Example(kind)}.");

    /// <summary>Parses a key of <paramref name="kind"/> exactly as <see cref="Key"/> writes it.</summary>
    public static bool TryParse(PeriodKind kind, string? key, [NotNullWhen(true)] out AnalyticsPeriod? period)
    {
        period = null;
        if (key is null)
        {
            return false;
        }

        var invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case PeriodKind.Daily when key.Length == 10
                && DateOnly.TryParseExact(key, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day):
                period = Day(day);
                return true;
            case PeriodKind.Weekly when key.Length == 8 && key[4] == '-' && key[5] == 'W'
                && int.TryParse(key.AsSpan(0, 4), NumberStyles.None, invariant, out var isoYear)
                && int.TryParse(key.AsSpan(6, 2), NumberStyles.None, invariant, out var week)
                && isoYear >= 1 && week >= 1 && week <= ISOWeek.GetWeeksInYear(isoYear):
                period = Week(isoYear, week);
                return true;
            case PeriodKind.Monthly when key.Length == 7
                && DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", invariant, DateTimeStyles.None, out var first):
                period = Month(first.Year, first.Month);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A key that <see cref="Parse"/> accepts, for error messages.</summary>
    public static string Example(PeriodKind kind) => kind switch
    {
        PeriodKind.Daily => "YYYY-MM-DD (e.g. 2026-12-05)",
        PeriodKind.Weekly => "YYYY-Www, an ISO week (e.g. 2026-W49)",
        _ => "YYYY-MM (e.g. 2026-12)",
    };

    /// <inheritdoc/>
    public override string ToString() => Key;

    private static AnalyticsPeriod Day(DateOnly day)
    {
        var start = Utc(day);
        return new(PeriodKind.Daily, start, start.AddDays(1), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static AnalyticsPeriod Week(int isoYear, int week)
    {
        var start = new DateTimeOffset(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday), TimeSpan.Zero);
        var key = string.Create(CultureInfo.InvariantCulture, $"{isoYear:D4}-W{week:D2}");
        return new(PeriodKind.Weekly, start, start.AddDays(7), key);
    }

    private static AnalyticsPeriod Month(int year, int month)
    {
        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        var key = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
        return new(PeriodKind.Monthly, start, start.AddMonths(1), key);
    }

    private static DateTimeOffset Utc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
