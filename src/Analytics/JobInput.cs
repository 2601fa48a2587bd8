namespace ProctorWise.Analytics;

/// <summary>An input a job reads, and which date partitions of it.</summary>
/// <param name="Definition">The raw event type.</param>
/// <param name="Span">Which days around the period are read.</param>
/// <param name="RedeliveriesRemovedBy">
/// Null: the input's view removes redelivered copies itself (GROUP BY the unique key). Otherwise the name of the job's
/// one view that reads this input and keeps exactly one row per entity whatever the copies (the <c>anomalies</c> view
/// ranks every open and close of an anomaly and keeps the newest), so the input view passes every copy through and
/// the costly GROUP BY is skipped. JobCatalogTests checks that no other SQL of the job reads such an input.
/// </param>
public sealed record JobInput(InputDefinition Definition, InputSpan Span, string? RedeliveriesRemovedBy = null)
{
    /// <summary>Whether the input's view removes redelivered copies itself.</summary>
    public bool Deduplicate => RedeliveriesRemovedBy is null;

    /// <summary>The first partition date read for <paramref name="period"/>.</summary>
    public static DateOnly FirstDay(AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.FirstDay.AddDays(-1);
    }

    /// <summary>The last partition date read for <paramref name="period"/>, or null when every later one is read.</summary>
    public DateOnly? LastDay(AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Span == InputSpan.Period ? period.Days.Last().AddDays(1) : null;
    }

    /// <summary>Whether the partition of <paramref name="day"/> is read for <paramref name="period"/>.</summary>
    public bool Reads(AnalyticsPeriod period, DateOnly day) =>
        day >= FirstDay(period) && (LastDay(period) is not { } last || day <= last);
}
