using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Lake;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake.Kafka;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Hosting.Silo.Ingestion;

/// <summary>Wires exactly one path that lands the fact streams in the lake, chosen by the stream transport.</summary>
internal static class IngestionSiloBuilderExtensions
{
    /// <summary>
    /// Memory streams: the implicit subscription of <see cref="LakeIngestGrain"/> feeds this silo's
    /// <see cref="LakeIngestionSink"/>. Kafka: a consumer group on the fact topics (group
    /// <c>&lt;Kafka:ConsumerGroupId or service id&gt;.lake</c>), and the grain is left out of the silo so its
    /// subscription does not exist (nothing is written twice).
    /// </summary>
    public static ISiloBuilder AddLakeIngestion(this ISiloBuilder silo, HostingOptions hosting)
    {
        var services = silo.Services;
        if (hosting.Streams == StreamTransport.Kafka)
        {
            services.PostConfigure<GrainTypeOptions>(o => o.Classes.Remove(typeof(LakeIngestGrain)));
            services.AddSingleton(sp =>
            {
                var streams = sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(StreamProviders.Default);
                var group = LakeKafkaIngestionSettings.GroupFor(streams.ConsumerGroupId ?? hosting.ServiceId);
                return new LakeKafkaIngestionSettings(streams, group, StreamNamespaces.Facts);
            });
            services.AddHostedService<LakeKafkaIngester>();
            return silo;
        }

        services.AddSingleton<LakeIngestionSink>();
        services.AddSingleton<ILakeEventSink>(sp => sp.GetRequiredService<LakeIngestionSink>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, LakeIngestionLifecycle>();
        return silo;
    }
}
