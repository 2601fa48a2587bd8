using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;

namespace ProctorWise.Hosting.Silo.Analytics;

/// <summary>The lake and the analytics engine of a silo.</summary>
internal static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the lake (<c>Lake:*</c>), the embedded DuckDB engine (<c>Analytics:DuckDb:*</c>), the analytics API's
    /// alert thresholds (<c>Analytics:Alerts:*</c>), the jobs' schedule, retries and retention (<c>Analytics:Jobs:*</c>) and
    /// <see cref="AnalyticsLake"/>. DuckDB reads local files only, so a lake on HDFS stops the start with the
    /// key at fault: a cluster that keeps its lake on HDFS needs the Spark engine.
    /// </summary>
    public static IServiceCollection AddProctorWiseAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLake(configuration);
        services.AddProctorWiseDuckDbAnalytics(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LakeOptions>, EmbeddedEngineLakeValidator>());
        services.AddOptions<AnalyticsAlertOptions>().Bind(configuration.GetSection(AnalyticsAlertOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsAlertOptions>, AnalyticsAlertOptionsValidator>());
        services.AddOptions<AnalyticsJobsOptions>().Bind(configuration.GetSection(AnalyticsJobsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsJobsOptions>, AnalyticsJobsOptionsValidator>());
        services.TryAddSingleton(sp => new AnalyticsLake(Path.GetFullPath(sp.GetRequiredService<IOptions<LakeOptions>>().Value.Path)));
        return services;
    }

    /// <summary>The embedded engine and the lake must meet: DuckDB has no HDFS reader.</summary>
    private sealed class EmbeddedEngineLakeValidator : IValidateOptions<LakeOptions>
    {
        public ValidateOptionsResult Validate(string? name, LakeOptions options) => options.Provider == LakeProvider.Local
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Lake:Provider is {options.Provider}; the analytics engine of this build is the embedded DuckDB engine, which reads a local "
                + "lake only. Use Lake:Provider=local on a volume every silo shares (the Spark engine, which reads HDFS, is not built yet).");
    }
}
