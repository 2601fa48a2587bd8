using Grpc.Core;

namespace ProctorWise.SparkConnect;

/// <summary>What a Spark Connect server said about a failure (gRPC status and <c>google.rpc</c> details).</summary>
/// <param name="StatusCode">The gRPC status code.</param>
/// <param name="Message">The server's message (possibly truncated; the full one comes from <c>FetchErrorDetails</c>).</param>
/// <param name="ErrorClass">The Spark error class (<c>ErrorInfo.metadata["errorClass"]</c>).</param>
/// <param name="SqlState">The SQL state (<c>ErrorInfo.metadata["sqlState"]</c>).</param>
/// <param name="ExceptionClass">The server's exception class (<c>ErrorInfo.reason</c>), e.g. <c>org.apache.spark.sql.AnalysisException</c>.</param>
/// <param name="ErrorId">The id to ask <c>FetchErrorDetails</c> for the full error with.</param>
/// <param name="MessageParameters">The error's parameters by name.</param>
/// <param name="RetryDelay">The wait the server asked for (<c>google.rpc.RetryInfo</c>), or null.</param>
public sealed record SparkErrorDetails(
    StatusCode StatusCode,
    string Message,
    string? ErrorClass,
    string? SqlState,
    string? ExceptionClass,
    string? ErrorId,
    IReadOnlyDictionary<string, string> MessageParameters,
    TimeSpan? RetryDelay)
{
    /// <summary>No details: a failure on the client's side.</summary>
    public static SparkErrorDetails None { get; } = new(StatusCode.Unknown, "", null, null, null, null, new Dictionary<string, string>(), null);

    /// <summary>Whether the error class is <paramref name="errorClass"/> or one of its sub-classes (<c>A.B</c> is an <c>A</c>).</summary>
    public bool Is(string errorClass) =>
        ErrorClass is { } mine && (string.Equals(mine, errorClass, StringComparison.Ordinal) || mine.StartsWith(errorClass + ".", StringComparison.Ordinal));
}
