using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Grains.Ports;

/// <summary>
/// Where the lake-ingest grain hands the facts delivered by memory streams. The silo's implementation queues them and
/// lands them in batches off the grain turn, so a delivery never waits for a lake write.
/// </summary>
public interface ILakeEventSink
{
    /// <summary>Takes a fact for the lake; waits only while the queue is full, and throws if it stays full.</summary>
    ValueTask AcceptAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default);
}
