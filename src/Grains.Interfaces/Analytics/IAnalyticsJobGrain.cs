namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>
/// One job over one period (key: <see cref="AnalyticsRunView.KeyOf"/>), the single writer of its run: pending,
/// running, then succeeded or failed, persisted. Starting returns at once; the run goes on in the grain (the engine
/// works off the grain's turn), so no call waits for a run. One run at a time per period: Orleans keeps one activation
/// of the grain in the cluster, and a start while a run is pending or running is refused.
/// </summary>
[Alias("pw.IAnalyticsJobGrain")]
public interface IAnalyticsJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a run (a finished one is run again, replacing its output); after it succeeds, starts
    /// <paramref name="then"/>'s first key with the rest (the chain). Returns the run as it stands.
    /// </summary>
    /// <exception cref="Errors.ProctorWiseException">A conflict when a run of this period is pending or running.</exception>
    [Alias("Start")]
    Task<AnalyticsRunView> StartAsync(AnalyticsRunTrigger trigger, IReadOnlyList<string> then);

    /// <summary>
    /// The run, or null when this period was never started. Calling it also revives a run whose silo died: the call
    /// activates the grain on a live silo, and activation resumes an unfinished run.
    /// </summary>
    [Alias("Get")]
    Task<AnalyticsRunView?> GetAsync();
}
