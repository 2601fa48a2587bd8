using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Proctoring;

/// <inheritdoc cref="IEvidenceGrain"/>
public sealed class EvidenceGrain(
    [PersistentState(StateNames.Evidence, StorageNames.Default)] IPersistentState<EvidenceState> evidence)
    : Grain, IEvidenceGrain
{
    public async Task StoreAsync(Evidence snapshot)
    {
        if (evidence.State.Evidence is null)
        {
            evidence.State.Evidence = snapshot;
            await evidence.WriteStateAsync();
        }
    }

    public Task<Evidence?> GetAsync() => Task.FromResult(evidence.State.Evidence);

    public async Task ClearAsync()
    {
        if (evidence.RecordExists)
        {
            await evidence.ClearStateAsync();
        }

        DeactivateOnIdle();
    }
}
