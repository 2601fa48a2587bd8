using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Lake.Events;

/// <summary>What a flush made durable: the caller may acknowledge (commit) exactly these events.</summary>
/// <param name="Durable">The events now in published files.</param>
/// <param name="Files">The files published, lake paths.</param>
public sealed record class LakeFlushResult(IReadOnlyList<DomainEvent> Durable, IReadOnlyList<string> Files)
{
    /// <summary>Nothing was flushed.</summary>
    public static LakeFlushResult Empty { get; } = new([], []);
}
