using Grpc.Core;

namespace ProctorWise.SparkConnect;

/// <summary>
/// Exponential back-off with jitter for one call or one attach of an execution: UNAVAILABLE (the server or a proxy
/// is down or restarting) and <c>INVALID_CURSOR.DISCONNECTED</c> (the server dropped the stream's cursor when a newer
/// attach took it over) are retried; a server's <c>RetryInfo</c> delay wins over the computed one.
/// </summary>
internal sealed class RetryBudget(SparkConnectClientOptions options, Random random)
{
    private int _attempts;

    /// <summary>Retries spent since the last <see cref="Reset"/>.</summary>
    public int Attempts => _attempts;

    /// <summary>
    /// Whether a failure may be retried at all: UNAVAILABLE, a disconnected cursor, or a stream the transport broke
    /// (a reset HTTP/2 stream or connection surfaces as INTERNAL with no Spark error attached).
    /// </summary>
    public static bool IsRetryable(SparkErrorDetails details, RpcException? exception = null) =>
        details.StatusCode == StatusCode.Unavailable
        || details.Is(SparkErrorClasses.CursorDisconnected)
        || (details.ErrorClass is null && exception?.Status.DebugException is HttpProtocolException or HttpRequestException or IOException);

    /// <summary>Gives a fresh budget (an execution made progress).</summary>
    public void Reset() => _attempts = 0;

    /// <summary>The wait before the next retry, or null when the budget is spent.</summary>
    public TimeSpan? Next(SparkErrorDetails details)
    {
        if (_attempts >= options.MaxRetries)
        {
            return null;
        }

        var exponent = Math.Pow(options.BackoffMultiplier, _attempts++);
        var computed = Math.Min(options.MaxBackoff.TotalMilliseconds, options.InitialBackoff.TotalMilliseconds * exponent);
        // Jitter spreads the retries of many clients that lost the same server at the same moment.
        var jittered = computed * (0.5 + (random.NextDouble() * 0.5));
        if (details.RetryDelay is { } asked && asked > TimeSpan.Zero)
        {
            return asked < options.MaxBackoff ? asked : options.MaxBackoff;
        }

        return TimeSpan.FromMilliseconds(jittered);
    }
}
