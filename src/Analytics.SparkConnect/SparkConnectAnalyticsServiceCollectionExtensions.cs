using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>Registers the Spark Connect analytics engine behind <see cref="IAnalyticsEngine"/> and <see cref="IAnalyticsReports"/>.</summary>
public static class SparkConnectAnalyticsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="SparkConnectAnalyticsOptions"/> (checked when the host starts) and registers the engine; needs an <see cref="ILakeStorage"/>.</summary>
    public static IServiceCollection AddProctorWiseSparkConnectAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SparkConnectAnalyticsOptions>().Bind(configuration.GetSection(SparkConnectAnalyticsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SparkConnectAnalyticsOptions>, SparkConnectAnalyticsOptionsValidator>());
        services.TryAddSingleton<SparkConnectAnalyticsEngine>();
        services.TryAddSingleton<IAnalyticsEngine>(sp => sp.GetRequiredService<SparkConnectAnalyticsEngine>());
        services.TryAddSingleton<IAnalyticsReports>(sp => sp.GetRequiredService<SparkConnectAnalyticsEngine>());
        services.TryAddSingleton<IAnalyticsEngineProbe>(sp => sp.GetRequiredService<SparkConnectAnalyticsEngine>());
        return services;
    }
}
