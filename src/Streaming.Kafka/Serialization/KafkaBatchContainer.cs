using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Serialization;

/// <summary>
/// One Kafka record as Orleans sees it: a single event at one offset of one partition. The event is already
/// decoded from JSON by the receiver, so an undecodable record never reaches the cache; between silos the
/// container travels with the Orleans serializer, like memory-stream events.
/// </summary>
[GenerateSerializer, Alias("proctorwise.streaming.kafka.batch")]
internal sealed class KafkaBatchContainer : IBatchContainer
{
    /// <inheritdoc/>
    [Id(0)]
    public required StreamId StreamId { get; init; }

    /// <summary>The decoded event.</summary>
    [Id(1)]
    public required object Event { get; init; }

    /// <summary>The event id (from the header, or generated when the record had none).</summary>
    [Id(2)]
    public required string EventId { get; init; }

    /// <summary>The position: the record's offset, event index 0 (one event per record).</summary>
    [Id(3)]
    public required EventSequenceTokenV2 Token { get; init; }

    /// <summary>The record's offset in its partition.</summary>
    public long Offset => Token.SequenceNumber;

    /// <inheritdoc/>
    public StreamSequenceToken SequenceToken => Token;

    /// <inheritdoc/>
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Event is T typed ? [Tuple.Create(typed, (StreamSequenceToken)Token)] : [];

    /// <inheritdoc/>
    // Records are plain JSON for services outside Orleans; the Orleans RequestContext is not carried.
    public bool ImportRequestContext() => false;
}
