using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Analytics;

/// <inheritdoc cref="IAnalyticsRunIndexGrain"/>
/// <remarks>
/// One entry per (job, period), not per attempt: a re-run replaces its entry. Three jobs a day, a week and a month
/// make about 420 entries a year; past <see cref="MaxRuns"/> the oldest go (their outputs stay in the lake).
/// </remarks>
public sealed class AnalyticsRunIndexGrain(
    [PersistentState(StateNames.AnalyticsRunIndex, StorageNames.Default)] IPersistentState<AnalyticsRunIndexState> index)
    : Grain, IAnalyticsRunIndexGrain
{
    /// <summary>Runs kept in the list (years of schedule).</summary>
    public const int MaxRuns = 5000;

    public async Task UpsertAsync(AnalyticsRunView run)
    {
        var key = AnalyticsRunView.KeyOf(run.Job, run.Period);
        if (index.State.Runs.TryGetValue(key, out var known) && Same(known, run))
        {
            return;
        }

        index.State.Runs[key] = run;
        if (index.State.Runs.Count > MaxRuns)
        {
            foreach (var old in Newest(index.State.Runs.Values).Skip(MaxRuns).ToList())
            {
                index.State.Runs.Remove(AnalyticsRunView.KeyOf(old.Job, old.Period));
            }
        }

        await index.WriteStateAsync();
    }

    public Task<PagedResult<AnalyticsRunView>> ListAsync(Caller caller, PageRequest page)
    {
        if (!caller.IsAdmin)
        {
            throw ProctorWiseException.Forbidden("Only administrators see the analytics runs.");
        }

        return Task.FromResult(page.Apply(Newest(index.State.Runs.Values).ToList()));
    }

    public Task<IReadOnlyList<string>> UnfinishedAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. index.State.Runs.Where(r => !r.Value.IsFinished).Select(r => r.Key)]);

    private static IEnumerable<AnalyticsRunView> Newest(IEnumerable<AnalyticsRunView> runs) =>
        runs.OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Job, StringComparer.Ordinal).ThenByDescending(r => r.Period, StringComparer.Ordinal);

    // Records compare lists by reference: compare the dataset rows by value.
    private static bool Same(AnalyticsRunView a, AnalyticsRunView b) =>
        a with { Datasets = [] } == b with { Datasets = [] } && a.Datasets.SequenceEqual(b.Datasets);
}
