namespace ProctorWise.Grains.Analytics;

/// <summary>A pre- or post-check of an analytics run failed; the message is what the run records as its error.</summary>
public sealed class AnalyticsRunException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnalyticsRunException()
    {
    }

    /// <summary>Creates the exception with the failure.</summary>
    public AnalyticsRunException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure and its cause.</summary>
    public AnalyticsRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
