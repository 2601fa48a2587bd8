using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Streaming.Kafka.Diagnostics;

namespace ProctorWise.Streaming.Kafka;

/// <summary>Services shared by the silo and client registrations.</summary>
internal static class KafkaStreamServiceCollectionExtensions
{
    public static IServiceCollection AddKafkaStreamServices(this IServiceCollection services, string name, Action<KafkaStreamOptions> configure)
    {
        services.AddOptions<KafkaStreamOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaStreamOptions>, KafkaStreamOptionsValidator>());
        services.TryAddSingleton(sp => new KafkaStreamMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<IKafkaStreamDiagnostics>(sp => sp.GetRequiredService<KafkaStreamMetrics>());
        return services;
    }
}
