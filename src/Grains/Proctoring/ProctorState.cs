using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Proctoring;

/// <summary>The persisted state of a <see cref="ProctorGrain"/>.</summary>
[GenerateSerializer, Alias("pw.proctor-state")]
public sealed class ProctorState
{
    /// <summary>The supervised rooms (slot ids).</summary>
    [Id(0)] public HashSet<string> Rooms { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The alert inbox, oldest first, at most <see cref="ProctorGrain.InboxSize"/>.</summary>
    [Id(1)] public List<ProctorAlert> Alerts { get; set; } = [];
}
