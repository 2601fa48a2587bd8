using System.Diagnostics;
using ProctorWise.Grains.Interfaces.Health;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Grains.Health;

/// <inheritdoc cref="IHealthProbeGrain"/>
public sealed class HealthProbeGrain(
    [PersistentState(StateNames.HealthProbe, StorageNames.Default)] IPersistentState<HealthProbeState> probe) : Grain, IHealthProbeGrain
{
    public async Task<TimeSpan> ProbeStorageAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var round = probe.State.Round + 1;
        probe.State.Round = round;
        await probe.WriteStateAsync();
        await probe.ReadStateAsync();
        if (probe.State.Round != round)
        {
            throw new InvalidOperationException($"Grain storage returned round {probe.State.Round} after writing {round}.");
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
