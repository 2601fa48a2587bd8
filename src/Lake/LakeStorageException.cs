using System.Net;

namespace ProctorWise.Lake;

/// <summary>
/// The lake's store refused or failed a request for a reason that has no more precise .NET exception (HDFS's
/// RemoteException types such as <c>SafeModeException</c>, <c>StandbyException</c>, a proxy's error page).
/// </summary>
public sealed class LakeStorageException : IOException
{
    /// <summary>Creates the exception.</summary>
    public LakeStorageException(string message, HttpStatusCode? status = null, string? remoteException = null, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        RemoteException = remoteException;
    }

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>HDFS's exception name from the RemoteException body (e.g. <c>SafeModeException</c>), when there was one.</summary>
    public string? RemoteException { get; }
}
