namespace ProctorWise.Analytics;

/// <summary>An input a job reads, and which date partitions of it.</summary>
/// <param name="Definition">The raw event type.</param>
/// <param name="Span">Which days around the period are read.</param>
public sealed record JobInput(InputDefinition Definition, InputSpan Span)
{
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
