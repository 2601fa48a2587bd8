using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// A database fault inside a grain call (MariaDB restarting, a connection dropped, a lock wait timeout; grain
/// storage reports it as <see cref="StorageUnavailableException"/>) leaves the silo as a <see cref="ProctorWiseException"/> of kind <see cref="ErrorKind.Transient"/>, which every caller
/// can deserialize and the API answers with 503 and Retry-After. Without it the driver's own exception crosses
/// to a client-mode API host that cannot decode it, and the student sees a 500 (the cluster-faults bench,
/// docs/perf/cluster-faults-2026-12-06.md). The original is logged here, once, with its stack.
/// The activation is then deactivated: a grain changes its state before it writes it, so after a failed write
/// its memory holds what storage does not, and a retry would be acknowledged from memory alone (a saved
/// answer that a restart loses). The next call activates it again from what storage holds.
/// </summary>
internal sealed partial class StorageFaultCallFilter(ILogger<StorageFaultCallFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            LogStorageFault(logger, context.InterfaceName, context.MethodName, e);
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "A database fault: the state in memory may not be the stored one."));
            throw new ProctorWiseException(ErrorKind.Transient, StorageUnavailableException.DefaultMessage);
        }
    }

    /// <summary>Grain storage's translated fault, or a driver exception raised directly or wrapped by other code.</summary>
    internal static bool IsStorageFault(Exception exception) =>
        exception is StorageUnavailableException || exception.InnerException is StorageUnavailableException ||
        FaultTranslatingGrainStorage.IsDriverFault(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interface}.{Method} failed on the database; the caller is told to retry.")]
    private static partial void LogStorageFault(ILogger logger, string @interface, string method, Exception exception);
}
