using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace ProctorWise.Grains.Cluster;

/// <summary>
/// Places a grain whose string key is a silo address on that silo; when that silo is not (or no longer) in the
/// cluster, on any compatible one — the grain then sees that it is not where it was asked to be and says so.
/// </summary>
[GenerateSerializer, Immutable, Alias("pw.silo-keyed-placement")]
public sealed class SiloKeyedPlacement : PlacementStrategy
{
    internal static readonly SiloKeyedPlacement Instance = new();
}

/// <summary>Marks a grain class for <see cref="SiloKeyedPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloKeyedPlacementAttribute() : PlacementAttribute(SiloKeyedPlacement.Instance);

/// <summary>The director of <see cref="SiloKeyedPlacement"/>.</summary>
public sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        var key = target.GrainIdentity.Key.ToString();
        foreach (var silo in compatible)
        {
            if (string.Equals(silo.ToParsableString(), key, StringComparison.Ordinal))
            {
                return Task.FromResult(silo);
            }
        }

        // The silo asked for is gone or never existed: any silo answers, and reports that it is another one.
        return Task.FromResult(compatible.Contains(context.LocalSilo) ? context.LocalSilo : compatible[Random.Shared.Next(compatible.Length)]);
    }
}
