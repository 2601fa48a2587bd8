using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Grains.Grading;

/// <inheritdoc cref="ISubmissionIndexGrain"/>
public sealed class SubmissionIndexGrain(
    [PersistentState(StateNames.SubmissionIndex, StorageNames.Default)] IPersistentState<SubmissionIndexState> index)
    : Grain, ISubmissionIndexGrain
{
    public async Task AddAsync(string submissionId)
    {
        if (!index.State.Ids.Contains(submissionId))
        {
            index.State.Ids.Add(submissionId);
            await index.WriteStateAsync();
        }
    }

    public Task<PagedResult<string>> ListAsync(PageRequest page)
    {
        var newestFirst = Enumerable.Reverse(index.State.Ids).ToList();
        return Task.FromResult(page.Apply(newestFirst));
    }
}
