using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Proctoring;

/// <summary>The persisted live view of a room.</summary>
[GenerateSerializer, Alias("pw.room-state")]
public sealed class RoomState
{
    /// <summary>The latest state of each session.</summary>
    [Id(0)] public Dictionary<string, SessionLiveView> Sessions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When each session's latest state was published, to ignore older redeliveries.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> UpdatedAt { get; set; } = new(StringComparer.Ordinal);
}
