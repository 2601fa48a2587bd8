using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Orleans.Providers.Streams.Common;

namespace ProctorWise.Streaming.Kafka.Serialization;

/// <summary>
/// Turns events into plain Kafka records and back: key = stream key (UTF-8), value = the event as JSON,
/// headers = namespace, event type alias, event id and content type (see <see cref="KafkaStreamHeaders"/>).
/// </summary>
internal sealed class KafkaRecordCodec(KafkaStreamOptions options)
{
    private static readonly byte[] s_jsonContentType = Encoding.UTF8.GetBytes(KafkaStreamHeaders.JsonContentType);

    /// <summary>Encodes one event; throws when its type has no alias, because an unnamed type could never be read back.</summary>
    public Message<byte[], byte[]> Encode(StreamId streamId, object evt, out string eventId)
    {
        var type = evt.GetType();
        if (!options.EventTypes.TryGetAlias(type, out var alias))
        {
            throw new InvalidOperationException(
                $"Event type {type.FullName} is not registered with the Kafka stream provider; add options.EventTypes.Add<{type.Name}>(\"alias\").");
        }

        eventId = (options.EventIdSelector ?? EventIdAccessor.Read)(evt) ?? Guid.NewGuid().ToString("D");
        return new Message<byte[], byte[]>
        {
            Key = streamId.Key.ToArray(),
            Value = JsonSerializer.SerializeToUtf8Bytes(evt, type, options.JsonSerializerOptions),
            Headers = new Headers
            {
                { KafkaStreamHeaders.Namespace, streamId.Namespace.ToArray() },
                { KafkaStreamHeaders.EventType, Encoding.UTF8.GetBytes(alias) },
                { KafkaStreamHeaders.EventId, Encoding.UTF8.GetBytes(eventId) },
                { KafkaStreamHeaders.ContentType, s_jsonContentType },
            },
        };
    }

    /// <summary>
    /// Decodes a record read from the topic of <paramref name="streamNamespace"/>. The topic, not the header,
    /// decides the namespace, so a record copied between topics is read as an event of its new topic.
    /// </summary>
    public bool TryDecode(ConsumeResult<byte[], byte[]> record, string streamNamespace, out KafkaBatchContainer? container, out string? eventId, out string? failure, out Exception? exception)
    {
        container = null;
        exception = null;
        var headers = record.Message.Headers;
        eventId = ReadHeader(headers, KafkaStreamHeaders.EventId);
        var alias = ReadHeader(headers, KafkaStreamHeaders.EventType);
        if (alias is null)
        {
            failure = $"no '{KafkaStreamHeaders.EventType}' header";
            return false;
        }

        if (!options.EventTypes.TryGetType(alias, out var type))
        {
            failure = $"unknown event type '{alias}' (register it with options.EventTypes.Add<T>(\"{alias}\"))";
            return false;
        }

        var contentType = ReadHeader(headers, KafkaStreamHeaders.ContentType);
        if (contentType is not null && !contentType.StartsWith(KafkaStreamHeaders.JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            failure = $"content type '{contentType}' is not {KafkaStreamHeaders.JsonContentType}";
            return false;
        }

        object? evt;
        try
        {
            evt = record.Message.Value is { Length: > 0 } value ? JsonSerializer.Deserialize(value, type, options.JsonSerializerOptions) : null;
        }
        catch (JsonException e)
        {
            failure = $"value is not valid JSON for '{alias}' ({type.FullName})";
            exception = e;
            return false;
        }

        if (evt is null)
        {
            failure = "value is empty or JSON null";
            return false;
        }

        eventId ??= (options.EventIdSelector ?? EventIdAccessor.Read)(evt) ?? Guid.NewGuid().ToString("D");
        container = new KafkaBatchContainer
        {
            StreamId = StreamId.Create(Encoding.UTF8.GetBytes(streamNamespace), record.Message.Key ?? []),
            Event = evt,
            EventId = eventId,
            Token = new EventSequenceTokenV2(record.Offset.Value),
        };
        failure = null;
        return true;
    }

    private static string? ReadHeader(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
