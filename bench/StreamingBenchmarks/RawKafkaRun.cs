using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using ProctorWise.Streaming.Kafka.Testing;

namespace ProctorWise.StreamingBenchmarks;

/// <summary>
/// The baseline: the same JSON events, producer settings (idempotent, acks=all, linger 5 ms) and publishing pattern
/// (one sequential publisher per key), straight from a Confluent.Kafka producer to one consumer of all partitions.
/// One producer and one consumer serve the warm-up and the measured run, so the measured run is as warm
/// as the provider's (connections, metadata and the consumer's first fetches are paid by the warm-up).
/// </summary>
public sealed class RawKafkaRun : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly Scenario _scenario;
    private readonly string _topic;
    private readonly IProducer<string, byte[]> _producer;
    private readonly IConsumer<string, byte[]> _consumer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private volatile LatencyRecorder? _recorder;

    private RawKafkaRun(KafkaMockCluster kafka, Scenario scenario)
    {
        _scenario = scenario;
        _topic = $"raw.{Guid.NewGuid():N}";
        kafka.CreateTopic(_topic, scenario.Partitions);
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        }).SetLogHandler((_, _) => { }).Build();
        _consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = $"raw-{Guid.NewGuid():N}",
            EnableAutoCommit = true,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = scenario.FetchWaitMs,
        }).SetLogHandler((_, _) => { }).Build();
        _consumer.Assign(Enumerable.Range(0, scenario.Partitions).Select(p => new TopicPartitionOffset(_topic, p, Offset.Beginning)));
        _reader = Task.Factory.StartNew(Read, TaskCreationOptions.LongRunning);
    }

    /// <summary>Creates the topic, the producer and the consumer.</summary>
    public static RawKafkaRun Start(KafkaMockCluster kafka, Scenario scenario) => new(kafka, scenario);

    /// <summary>Publishes <paramref name="events"/> events and waits until the consumer read them all.</summary>
    public async Task<Result> RunAsync(int events, string label)
    {
        var recorder = new LatencyRecorder(events);
        _recorder = recorder;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, _scenario.Streams).Select(stream => Task.Run(async () =>
        {
            var key = $"room-{stream}";
            for (var i = stream; i < events; i += _scenario.Streams)
            {
                var evt = new BenchEvent(Guid.NewGuid(), i, Stopwatch.GetTimestamp(), Scenario.Payload);
                var headers = new Headers { { "event-type", Encoding.UTF8.GetBytes("bench") }, { "event-id", Encoding.UTF8.GetBytes(evt.EventId.ToString()) } };
                await _producer.ProduceAsync(_topic, new Message<string, byte[]> { Key = key, Value = JsonSerializer.SerializeToUtf8Bytes(evt, s_json), Headers = headers });
            }
        })));
        await recorder.Done.WaitAsync(TimeSpan.FromMinutes(2));
        return Scenario.Report(label, events, start, recorder);
    }

    private void Read()
    {
        while (!_stop.IsCancellationRequested)
        {
            var record = _consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is not null)
            {
                var evt = JsonSerializer.Deserialize<BenchEvent>(record.Message.Value, s_json)!;
                _recorder?.Record(evt.SentAt);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _consumer.Close();
        _consumer.Dispose();
        _producer.Dispose();
        _stop.Dispose();
    }
}
