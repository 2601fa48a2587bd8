using System.Globalization;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.StreamingBenchmarks;

// Produce → delivery throughput and latency: the Kafka stream provider next to a raw Confluent.Kafka
// producer → consumer, on the same librdkafka mock cluster, in the same process and run.
var scenario = Scenario.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"events {scenario.Events}, streams {scenario.Streams}, partitions {scenario.Partitions}, poll {scenario.PollPeriod.TotalMilliseconds} ms, fetch.wait.max.ms {scenario.FetchWaitMs}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
using var kafka = new KafkaMockCluster();
var warmup = Math.Max(scenario.Streams * 10, scenario.Events / 10);

Result raw;
await using (var rawRun = RawKafkaRun.Start(kafka, scenario))
{
    await rawRun.RunAsync(warmup, "raw (warm-up)");
    raw = await rawRun.RunAsync(scenario.Events, "raw Confluent.Kafka");
}

await using (var orleans = await OrleansRun.StartAsync(kafka, scenario))
{
    await orleans.RunAsync(scenario, warmup, "provider (warm-up)");
    var provider = await orleans.RunAsync(scenario, scenario.Events, "Orleans Kafka provider");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"provider / raw throughput: {provider.EventsPerSecond / raw.EventsPerSecond:P0} (goal ≥ 50 %)"));
}
