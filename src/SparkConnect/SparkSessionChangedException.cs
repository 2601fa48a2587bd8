namespace ProctorWise.SparkConnect;

/// <summary>
/// The server-side session changed under the client (the Spark Connect server restarted, or the session expired):
/// the temporary views and settings of the session are gone, so the caller must redo its work in a new session.
/// </summary>
public sealed class SparkSessionChangedException : SparkConnectException
{
    /// <summary>Creates the exception.</summary>
    public SparkSessionChangedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SparkSessionChangedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SparkSessionChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from what the server said.</summary>
    public SparkSessionChangedException(string message, SparkErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
