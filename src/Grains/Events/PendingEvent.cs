using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Grains.Events;

/// <summary>A domain event saved in a grain's state with the change it records, until its stream took it.</summary>
[GenerateSerializer, Alias("pw.pending-event")]
public sealed class PendingEvent
{
    /// <summary>The stream namespace (one Kafka topic).</summary>
    [Id(0)] public string Namespace { get; set; } = string.Empty;

    /// <summary>The stream key (the Kafka record key).</summary>
    [Id(1)] public string Key { get; set; } = string.Empty;

    /// <summary>The event.</summary>
    [Id(2)] public DomainEvent Event { get; set; } = null!;
}
