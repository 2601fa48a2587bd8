namespace ProctorWise.Analytics;

/// <summary>How long one run of a job covers. Every period is in UTC.</summary>
public enum PeriodKind
{
    /// <summary>One UTC day, 00:00 to 24:00; key <c>2026-12-05</c>.</summary>
    Daily = 0,

    /// <summary>One ISO 8601 week, Monday 00:00 UTC to the next Monday; key <c>2026-W49</c> (ISO week-numbering year).</summary>
    Weekly = 1,

    /// <summary>One calendar month in UTC; key <c>2026-12</c>.</summary>
    Monthly = 2,
}
