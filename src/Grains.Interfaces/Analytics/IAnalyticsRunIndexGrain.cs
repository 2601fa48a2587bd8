using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>The list of analytics runs for administrators (singleton, key <c>default</c>), newest first.</summary>
[Alias("pw.IAnalyticsRunIndexGrain")]
public interface IAnalyticsRunIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes a run's entry (job grains call it on every change).</summary>
    [Alias("Upsert")]
    Task UpsertAsync(AnalyticsRunView run);

    /// <summary>Runs by the time they were requested, newest first; administrators only.</summary>
    [Alias("List")]
    Task<PagedResult<AnalyticsRunView>> ListAsync(Caller caller, PageRequest page);

    /// <summary>The job grain keys of the runs last seen pending or running (the scheduler checks each tick that they live).</summary>
    [Alias("Unfinished")]
    Task<IReadOnlyList<string>> UnfinishedAsync();
}
