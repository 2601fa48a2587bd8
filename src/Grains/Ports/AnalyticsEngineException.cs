namespace ProctorWise.Grains.Ports;

/// <summary>
/// An analytics engine failed a run and classified the failure (Spark's error class and SQLSTATE): the job grain records
/// both with the run, and does not retry a <see cref="Permanent"/> failure, which fails the same way every time.
/// </summary>
public sealed class AnalyticsEngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnalyticsEngineException()
    {
    }

    /// <summary>Creates the exception with the failure.</summary>
    public AnalyticsEngineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure and its cause.</summary>
    public AnalyticsEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the engine's classification of the failure.</summary>
    public AnalyticsEngineException(string message, string? errorClass, string? sqlState, bool permanent, Exception? innerException)
        : base(message, innerException)
    {
        (ErrorClass, SqlState, Permanent) = (errorClass, sqlState, permanent);
    }

    /// <summary>The engine's error class (e.g. Spark's <c>UNRESOLVED_COLUMN.WITH_SUGGESTION</c>), or null.</summary>
    public string? ErrorClass { get; }

    /// <summary>The SQLSTATE the engine gave (e.g. <c>42703</c>), or null.</summary>
    public string? SqlState { get; }

    /// <summary>Whether running again cannot help (the SQL or the data's schema is wrong, not the cluster).</summary>
    public bool Permanent { get; }
}
