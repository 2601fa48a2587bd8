using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka;
using ProctorWise.Streaming.Kafka.Testing;

namespace ProctorWise.StreamingBenchmarks;

/// <summary>
/// The provider: one co-hosted silo; publishers call <c>OnNextAsync</c> on the stream (completing when Kafka
/// acknowledged), an implicitly subscribed grain per key receives. Same events, keys and partitions as the baseline.
/// </summary>
public sealed class OrleansRun : IAsyncDisposable
{
    private const string Provider = "kafka";
    private readonly IHost _host;

    private OrleansRun(IHost host) => _host = host;

    public static async Task<OrleansRun> StartAsync(KafkaMockCluster kafka, Scenario scenario)
    {
        var prefix = $"bench.{Guid.NewGuid():N}.";
        kafka.CreateTopic(prefix + Scenario.Namespace, scenario.Partitions);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddKafkaStreams(Provider, options =>
            {
                options.BootstrapServers = kafka.BootstrapServers;
                options.TopicPrefix = prefix;
                options.Namespaces = [Scenario.Namespace];
                options.Partitions = scenario.Partitions;
                options.EventTypes.Add<BenchEvent>("bench");
                options.ConsumerSettings["fetch.wait.max.ms"] = scenario.FetchWaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }, provider => provider.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = scenario.PollPeriod)));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansRun(host);
    }

    public async Task<Result> RunAsync(Scenario scenario, int events, string label)
    {
        var recorder = new LatencyRecorder(events);
        LatencyRecorder.Current = recorder;
        var streams = _host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(Provider);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, scenario.Streams).Select(stream => Task.Run(async () =>
        {
            IAsyncStream<BenchEvent> target = streams.GetStream<BenchEvent>(StreamId.Create(Scenario.Namespace, $"room-{stream}"));
            for (var i = stream; i < events; i += scenario.Streams)
            {
                await target.OnNextAsync(new BenchEvent(Guid.NewGuid(), i, Stopwatch.GetTimestamp(), Scenario.Payload));
            }
        })));
        await recorder.Done.WaitAsync(TimeSpan.FromMinutes(2));
        return Scenario.Report(label, events, start, recorder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
