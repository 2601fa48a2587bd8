namespace ProctorWise.Analytics;

/// <summary>Which date partitions of the raw zone an input reads for a period.</summary>
public enum InputSpan
{
    /// <summary>
    /// The period's days, one day before and one after: the facts themselves happen in the period, and the margin
    /// covers a fact whose partition date differs from the instant the job filters on (an anomaly that opened
    /// at 23:59 and closed after midnight, a session that ended after midnight).
    /// </summary>
    Period = 0,

    /// <summary>
    /// From the day before the period on, with no end: grading and publication come days or weeks after a
    /// submission, and the jobs report a submission with the grade known when they run (as the original did).
    /// </summary>
    PeriodAndLater = 1,
}
