using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Grains.Analytics;

/// <summary>The chain's next step (anomalies → grades → users): a run that succeeded starts the next run of its chain.</summary>
internal static class AnalyticsChain
{
    /// <summary>Starts <paramref name="next"/> with the rest of the chain after it; a period already being run stops the chain there.</summary>
    public static async Task StartNextAsync(IGrainFactory grains, ILogger logger, AnalyticsJobState finished, string next, List<string> rest)
    {
        try
        {
            await grains.GetGrain<IAnalyticsJobGrain>(next).StartAsync(AnalyticsRunTrigger.Chain, rest);
        }
        catch (ProctorWiseException e) when (e.Kind == ErrorKind.Conflict)
        {
            // That period is being run already (by the schedule or an administrator): that run stands for this one.
            AnalyticsJobLog.ChainStopped(logger, finished.Job, finished.Period, next, e.Message);
        }
    }
}
