using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ProctorWise.SparkConnect;

/// <summary>The client's log messages (event ids 43001–43099).</summary>
internal static partial class SparkConnectLog
{
    [LoggerMessage(43001, LogLevel.Warning, "Spark Connect call failed with {Status} ({ErrorClass}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, StatusCode status, string? errorClass, int attempt, TimeSpan delay);

    [LoggerMessage(43002, LogLevel.Debug, "Spark operation {OperationId}: the stream ended before result_complete; reattaching after response {LastResponseId}")]
    public static partial void Reattaching(ILogger logger, string operationId, string? lastResponseId);

    [LoggerMessage(43003, LogLevel.Warning, "Spark operation {OperationId} was not found before any response: sending the plan again")]
    public static partial void Resending(ILogger logger, string operationId);

    [LoggerMessage(43004, LogLevel.Information, "Spark Connect: releasing {Kind} {Id} failed; the server expires it on its own")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string kind, string id);

    [LoggerMessage(43005, LogLevel.Warning, "Spark Connect: interrupting operation {OperationId} failed")]
    public static partial void InterruptFailed(ILogger logger, Exception exception, string operationId);

    [LoggerMessage(43006, LogLevel.Information, "Spark Connect: fetching the details of error {ErrorId} failed; keeping the status message")]
    public static partial void FetchErrorDetailsFailed(ILogger logger, Exception exception, string errorId);
}
