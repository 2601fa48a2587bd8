namespace ProctorWise.SparkConnect;

/// <summary>Spark error classes the client acts on.</summary>
public static class SparkErrorClasses
{
    /// <summary>The stream's cursor was taken over or dropped by the server; reattach.</summary>
    public const string CursorDisconnected = "INVALID_CURSOR.DISCONNECTED";

    /// <summary>The server does not know the operation (never arrived, or already released and forgotten).</summary>
    public const string OperationNotFound = "INVALID_HANDLE.OPERATION_NOT_FOUND";

    /// <summary>The server does not know the session (it restarted, or the session expired).</summary>
    public const string SessionNotFound = "INVALID_HANDLE.SESSION_NOT_FOUND";

    /// <summary>The session id is known but belongs to another server-side session (the server restarted).</summary>
    public const string SessionChanged = "INVALID_HANDLE.SESSION_CHANGED";

    /// <summary>The session was released and cannot be used again.</summary>
    public const string SessionClosed = "INVALID_HANDLE.SESSION_CLOSED";

    /// <summary>The operation was interrupted.</summary>
    public const string OperationCanceled = "OPERATION_CANCELED";
}
