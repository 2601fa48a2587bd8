using System.Data.Common;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Failures a retry can cure: the cluster or its database did not answer (a silo dying or restarting, a
/// gateway closing, MariaDB failing over). HTTP answers them 503 with Retry-After, hubs with a refusal the
/// client may retry; neither logs them as errors, since nothing is wrong with this host or the request.
/// </summary>
internal static class TransientFaults
{
    /// <summary>Seconds a client waits before retrying; a silo's takeover of a dead one's grains takes a few.</summary>
    public const int RetryAfterSeconds = 2;

    public const string Title = "The service is temporarily unavailable.";

    public const string Detail = "Please retry in a moment.";

    public static bool Is(Exception exception) => exception is
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or DbException or
        StorageUnavailableException or ProctorWiseException { Kind: ErrorKind.Transient } ||
        exception.InnerException is StorageUnavailableException;
}
