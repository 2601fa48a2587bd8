using Microsoft.Extensions.Logging;

namespace ProctorWise.Grains.Analytics;

/// <summary>The log messages of <see cref="AnalyticsJobGrain"/> (source-generated, so a disabled level costs nothing).</summary>
internal static partial class AnalyticsJobLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics run {Job} {Period}: attempt {Attempt} failed.")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string job, string period, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics run {Job} {Period}: attempt {Attempt} was stopped because the grain is deactivating; the next activation takes the run up.")]
    public static partial void Interrupted(ILogger logger, Exception exception, string job, string period, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics run {Job} {Period} was unfinished after {Attempts} attempt(s); resuming it here.")]
    public static partial void Resumed(ILogger logger, string job, string period, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics chain after {Job} {Period} stops: {Next} could not start ({Reason}).")]
    public static partial void ChainStopped(ILogger logger, string job, string period, string next, string reason);
}
