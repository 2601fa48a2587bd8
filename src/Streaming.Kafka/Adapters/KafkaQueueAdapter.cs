using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka.Diagnostics;
using ProctorWise.Streaming.Kafka.Serialization;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// Writes stream events to Kafka and creates partition receivers. One idempotent producer per host is shared by
/// all streams of the provider; a publish completes only when Kafka acknowledged every event (acks=all).
/// </summary>
internal sealed class KafkaQueueAdapter : IQueueAdapter, IDisposable
{
    private static readonly TimeSpan s_maxFlushTime = TimeSpan.FromSeconds(10);

    private readonly KafkaStreamOptions _options;
    private readonly KafkaStreamQueueMapper _mapper;
    private readonly KafkaRecordCodec _codec;
    private readonly KafkaStreamMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly string _groupId;
    private readonly Func<QueueId, KafkaPartitionCache?> _caches;
    private readonly Lazy<IProducer<byte[], byte[]>> _producer;

    public KafkaQueueAdapter(
        string name,
        KafkaStreamOptions options,
        KafkaStreamQueueMapper mapper,
        string groupId,
        Func<QueueId, KafkaPartitionCache?> caches,
        KafkaStreamMetrics metrics,
        ILoggerFactory loggerFactory)
    {
        Name = name;
        _options = options;
        _mapper = mapper;
        _groupId = groupId;
        _caches = caches;
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<KafkaQueueAdapter>();
        _codec = new KafkaRecordCodec(options);
        _producer = new Lazy<IProducer<byte[], byte[]>>(CreateProducer, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name { get; }

    // Subscribers may resume from a token while it is still in the partition's cache.
    public bool IsRewindable => true;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (token is not null)
        {
            // Kafka assigns offsets; a caller-chosen position cannot be honoured.
            throw new NotSupportedException("The Kafka stream provider does not accept a StreamSequenceToken when publishing.");
        }

        var partition = _mapper.GetPartition(_mapper.GetQueueForStream(streamId));
        var topicPartition = new TopicPartition(partition.Topic, partition.Partition);
        var messages = new List<Message<byte[], byte[]>>();
        foreach (var evt in events)
        {
            if (evt is null)
            {
                throw new ArgumentException("Stream events must not be null.", nameof(events));
            }

            messages.Add(_codec.Encode(streamId, evt, out _));
        }

        if (messages.Count == 0)
        {
            return;
        }

        // All records are handed to librdkafka before awaiting: the idempotent producer keeps their order.
        var producer = _producer.Value;
        var deliveries = messages.Select(message => producer.ProduceAsync(topicPartition, message)).ToList();
        try
        {
            await Task.WhenAll(deliveries);
            _metrics.Produced(Name, partition.Topic, messages.Count);
        }
        catch (ProduceException<byte[], byte[]> e)
        {
            var failed = deliveries.Count(d => d.IsFaulted);
            var succeeded = deliveries.Count - failed;
            if (succeeded > 0)
            {
                _metrics.Produced(Name, partition.Topic, succeeded);
            }

            _metrics.ProduceFailed(Name, partition.Topic, failed);
            _logger.ProduceFailed(Name, failed, streamId, partition.Topic, partition.Partition, e.Error.Code, e.Error.Reason, e);
            throw new KafkaStreamPublishException(
                $"Kafka did not acknowledge {failed} of {messages.Count} event(s) for stream {streamId} on {partition.Topic}[{partition.Partition}]: {e.Error.Reason} ({e.Error.Code}).")
            {
                Topic = partition.Topic,
                Partition = partition.Partition,
                ErrorCode = e.Error.Code.ToString(),
            };
        }
        catch (KafkaException e)
        {
            _metrics.ProduceFailed(Name, partition.Topic, messages.Count);
            _logger.ProduceFailed(Name, messages.Count, streamId, partition.Topic, partition.Partition, e.Error.Code, e.Error.Reason, e);
            throw new KafkaStreamPublishException(
                $"Kafka refused events for stream {streamId} on {partition.Topic}[{partition.Partition}]: {e.Error.Reason} ({e.Error.Code}).")
            {
                Topic = partition.Topic,
                Partition = partition.Partition,
                ErrorCode = e.Error.Code.ToString(),
            };
        }
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new KafkaQueueAdapterReceiver(
            Name,
            _mapper.GetPartition(queueId),
            _groupId,
            _options,
            _codec,
            () => _caches(queueId),
            _metrics,
            _loggerFactory.CreateLogger<KafkaQueueAdapterReceiver>());

    public void Dispose()
    {
        if (!_producer.IsValueCreated)
        {
            return;
        }

        // Publishers already got their answer (or an exception); the flush only lets in-flight acks land, so it is
        // capped to keep host shutdown short when the brokers are gone.
        var producer = _producer.Value;
        var flushTimeout = TimeSpan.FromTicks(Math.Min(_options.ProduceTimeout.Ticks, s_maxFlushTime.Ticks));
        var remaining = producer.Flush(flushTimeout);
        if (remaining > 0)
        {
            _logger.FlushIncomplete(Name, flushTimeout, remaining);
        }

        producer.Dispose();
    }

    private IProducer<byte[], byte[]> CreateProducer() =>
        new ProducerBuilder<byte[], byte[]>(KafkaClientConfigs.Producer(_options, Name))
            .SetLogHandler((_, message) => _logger.Librdkafka(message))
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    _logger.FatalClientError(Name, error.Code, error.Reason);
                }
                else
                {
                    _logger.ClientError(Name, error.Code, error.Reason);
                }
            })
            .Build();
}
