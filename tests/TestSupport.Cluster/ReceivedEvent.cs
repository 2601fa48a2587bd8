using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.TestSupport.Cluster;

/// <summary>One delivery a consumer saw.</summary>
/// <param name="Namespace">The stream namespace.</param>
/// <param name="Event">The event.</param>
[GenerateSerializer, Immutable, Alias("pw.test.received-event")]
public sealed record class ReceivedEvent(string Namespace, DomainEvent Event);
