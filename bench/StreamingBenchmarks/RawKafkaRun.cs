using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using ProctorWise.Streaming.Kafka.Testing;

namespace ProctorWise.StreamingBenchmarks;

/// <summary>
/// The baseline: the same JSON events, producer settings (idempotent, acks=all, linger 5 ms) and publishing pattern
/// (one sequential publisher per key), straight from a Confluent.Kafka producer to one consumer of all partitions.
/// </summary>
public static class RawKafkaRun
{
    public static async Task<Result> RunAsync(KafkaMockCluster kafka, Scenario scenario, int events, string label)
    {
        var topic = $"raw.{Guid.NewGuid():N}";
        kafka.CreateTopic(topic, scenario.Partitions);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        }).SetLogHandler((_, _) => { }).Build();
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = $"raw-{Guid.NewGuid():N}",
            EnableAutoCommit = true,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = scenario.FetchWaitMs,
        }).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, scenario.Partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));

        var recorder = new LatencyRecorder(events);
        using var stop = new CancellationTokenSource();
        var reader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (record is not null)
                {
                    var evt = JsonSerializer.Deserialize<BenchEvent>(record.Message.Value, options)!;
                    recorder.Record(evt.SentAt);
                }
            }
        }, TaskCreationOptions.LongRunning);

        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, scenario.Streams).Select(stream => Task.Run(async () =>
        {
            var key = $"room-{stream}";
            for (var i = stream; i < events; i += scenario.Streams)
            {
                var evt = new BenchEvent(Guid.NewGuid(), i, Stopwatch.GetTimestamp(), Scenario.Payload);
                var headers = new Headers { { "event-type", Encoding.UTF8.GetBytes("bench") }, { "event-id", Encoding.UTF8.GetBytes(evt.EventId.ToString()) } };
                await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = JsonSerializer.SerializeToUtf8Bytes(evt, options), Headers = headers });
            }
        })));
        await recorder.Done.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await reader;
        return Scenario.Report(label, events, start, recorder);
    }
}
