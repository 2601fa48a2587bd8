namespace ProctorWise.Grains.Interfaces.Errors;

/// <summary>
/// Grain storage could not read or write (the database restarting, a connection dropped). It replaces the
/// driver's exception, which callers cannot deserialize, and derives from <see cref="OrleansException"/> so
/// that Orleans' storage bridge passes it on unwrapped. Callers treat it as <see cref="ErrorKind.Transient"/>.
/// </summary>
[GenerateSerializer, Alias("pw.storage-unavailable")]
public sealed class StorageUnavailableException : OrleansException
{
    /// <summary>What callers read: nothing of the database's internals.</summary>
    public const string DefaultMessage = "The database did not answer. Please retry in a moment.";

    /// <summary>Creates the error with <see cref="DefaultMessage"/>.</summary>
    public StorageUnavailableException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates an error with a message (serializer use).</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error wrapping another (serializer use; never wrap a driver exception).</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
