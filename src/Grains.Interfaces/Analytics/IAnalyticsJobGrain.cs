namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>
/// One job over one period (key: <see cref="AnalyticsRunView.KeyOf"/>), the single writer of its run: pending,
/// running, then succeeded or failed, persisted. Starting returns at once; the run goes on in the grain, so no call
/// waits for it. One run at a time per period: starting a period that is pending or running returns that run.
/// </summary>
[Alias("pw.IAnalyticsJobGrain")]
public interface IAnalyticsJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a run (a finished one is run again, replacing its output) unless one is under way; then, after it
    /// succeeds, starts <paramref name="then"/>'s first key with the rest (the chain). Returns the run as it stands.
    /// </summary>
    [Alias("Start")]
    Task<AnalyticsRunView> StartAsync(AnalyticsRunTrigger trigger, IReadOnlyList<string> then);

    /// <summary>The run, or null when this period was never started.</summary>
    [Alias("Get")]
    Task<AnalyticsRunView?> GetAsync();
}
