using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;
using ProctorWise.Streaming.Kafka.Serialization;

namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// The provider's record format for code outside Orleans that reads or writes its topics (a consumer group landing
/// them elsewhere, a producer feeding them): the same encoding and decoding the provider uses, from the same options.
/// </summary>
/// <param name="options">The provider's options: event types and their aliases, JSON settings, event id selector.</param>
public sealed class KafkaRecordFormat(KafkaStreamOptions options)
{
    private readonly KafkaRecordCodec _codec = new(options);

    /// <summary>The record the provider would produce for <paramref name="evt"/> on stream <paramref name="streamNamespace"/>/<paramref name="key"/>.</summary>
    public Message<byte[], byte[]> Write(string streamNamespace, string key, object evt) =>
        _codec.Encode(StreamId.Create(streamNamespace, key), evt, out _);

    /// <summary>
    /// Decodes a record read from the topic of <paramref name="streamNamespace"/>; false, with the reason, for a record
    /// the provider itself would skip (no or unknown <c>event-type</c>, not JSON, JSON that does not fit the type).
    /// </summary>
    public bool TryRead(ConsumeResult<byte[], byte[]> record, string streamNamespace, [NotNullWhen(true)] out object? evt, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_codec.TryDecode(record, streamNamespace, out var container, out _, out var reason, out var exception))
        {
            evt = container!.Event;
            failure = null;
            return true;
        }

        evt = null;
        failure = exception is null ? reason ?? "unreadable record" : $"{reason}: {exception.Message}";
        return false;
    }
}
