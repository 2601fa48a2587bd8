using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>Registers the DuckDB analytics engine behind <see cref="IAnalyticsEngine"/> and <see cref="IAnalyticsReports"/>.</summary>
public static class DuckDbAnalyticsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="DuckDbAnalyticsOptions"/> (checked when the host starts) and registers the engine.</summary>
    public static IServiceCollection AddProctorWiseDuckDbAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DuckDbAnalyticsOptions>().Bind(configuration.GetSection(DuckDbAnalyticsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DuckDbAnalyticsOptions>, DuckDbAnalyticsOptionsValidator>());
        // One engine behind both ports, so jobs, dataset pages and reports share its worker bounds.
        services.TryAddSingleton<DuckDbAnalyticsEngine>();
        services.TryAddSingleton<IAnalyticsEngine>(sp => sp.GetRequiredService<DuckDbAnalyticsEngine>());
        services.TryAddSingleton<IAnalyticsReports>(sp => sp.GetRequiredService<DuckDbAnalyticsEngine>());
        services.TryAddSingleton<IAnalyticsEngineProbe>(sp => sp.GetRequiredService<DuckDbAnalyticsEngine>());
        return services;
    }
}
