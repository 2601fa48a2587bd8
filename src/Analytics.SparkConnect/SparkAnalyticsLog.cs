using Microsoft.Extensions.Logging;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>The Spark Connect engine's log messages (event ids 43101–43199).</summary>
internal static partial class SparkAnalyticsLog
{
    [LoggerMessage(43101, LogLevel.Information, "Analytics {Job} {Period} written by Spark in {Elapsed} ms: {Rows}")]
    public static partial void Written(ILogger logger, string job, string period, long elapsed, string rows);

    [LoggerMessage(43102, LogLevel.Warning, "Analytics {Job} {Period}: a previous run's Spark session {Session} was left behind; {Count} operation(s) interrupted")]
    public static partial void OrphanInterrupted(ILogger logger, string job, string period, Guid session, int count);

    [LoggerMessage(43103, LogLevel.Information, "Analytics {Job} {Period}: the previous run's Spark session {Session} is gone")]
    public static partial void OrphanGone(ILogger logger, Exception exception, string job, string period, Guid session);

    [LoggerMessage(43104, LogLevel.Warning, "Analytics {Job} {Period}: the Spark session was lost (server restart); running again in a new session")]
    public static partial void SessionLost(ILogger logger, Exception exception, string job, string period);
}
