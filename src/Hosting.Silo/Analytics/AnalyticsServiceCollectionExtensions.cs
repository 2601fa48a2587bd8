using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Analytics.SparkConnect;
using ProctorWise.Grains.Analytics;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;

namespace ProctorWise.Hosting.Silo.Analytics;

/// <summary>The lake and the analytics engine of a silo.</summary>
internal static class AnalyticsServiceCollectionExtensions
{
    private const string EngineKey = AnalyticsEngineOptions.Section + ":" + nameof(AnalyticsEngineOptions.Engine);

    /// <summary>
    /// Registers the lake (<c>Lake:*</c>), the analytics engine picked by <c>Analytics:Engine</c> (the embedded DuckDB engine,
    /// <c>Analytics:DuckDb:*</c>, or Spark through Spark Connect, <c>Analytics:SparkConnect:*</c>), the analytics API's
    /// alert thresholds (<c>Analytics:Alerts:*</c>), the jobs' schedule, retries and retention (<c>Analytics:Jobs:*</c>) and
    /// <see cref="AnalyticsLake"/>. DuckDB reads local files only, so a lake on HDFS with DuckDB stops the start with the
    /// key at fault: a cluster that keeps its lake on HDFS needs the Spark engine.
    /// </summary>
    public static IServiceCollection AddProctorWiseAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLake(configuration);
        if (Engine(configuration) == AnalyticsEngineKind.SparkConnect)
        {
            services.AddProctorWiseSparkConnectAnalytics(configuration);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LakeOptions>, SparkLakeValidator>());
            // The root Spark reads and writes: where the cluster sees the lake, or the lake's own folder on a shared volume.
            services.TryAddSingleton(sp => new AnalyticsLake(
                sp.GetRequiredService<IOptions<SparkConnectAnalyticsOptions>>().Value.LakeRoot
                ?? Path.GetFullPath(sp.GetRequiredService<IOptions<LakeOptions>>().Value.Path)));
        }
        else
        {
            services.AddProctorWiseDuckDbAnalytics(configuration);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LakeOptions>, EmbeddedEngineLakeValidator>());
            services.TryAddSingleton(sp => new AnalyticsLake(Path.GetFullPath(sp.GetRequiredService<IOptions<LakeOptions>>().Value.Path)));
        }

        services.AddOptions<AnalyticsAlertOptions>().Bind(configuration.GetSection(AnalyticsAlertOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsAlertOptions>, AnalyticsAlertOptionsValidator>());
        services.TryAddSingleton<AnalyticsMetrics>();
        services.AddOptions<AnalyticsJobsOptions>().Bind(configuration.GetSection(AnalyticsJobsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsJobsOptions>, AnalyticsJobsOptionsValidator>());
        return services;
    }

    // Read at registration (it decides which services exist), so a bad value stops the start here, naming the key.
    private static AnalyticsEngineKind Engine(IConfiguration configuration) => configuration[EngineKey] switch
    {
        null or "" => AnalyticsEngineKind.DuckDb,
        var text when Enum.TryParse<AnalyticsEngineKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) => kind,
        var text => throw new OptionsValidationException(EngineKey, typeof(AnalyticsEngineKind), [$"{EngineKey} is '{text}'; it must be DuckDb or SparkConnect."]),
    };

    /// <summary>The embedded engine and the lake must meet: DuckDB has no HDFS reader.</summary>
    private sealed class EmbeddedEngineLakeValidator : IValidateOptions<LakeOptions>
    {
        public ValidateOptionsResult Validate(string? name, LakeOptions options) => options.Provider == LakeProvider.Local
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Lake:Provider is {options.Provider}; the DuckDB analytics engine reads a local lake only. Use Lake:Provider=local on a volume "
                + $"every silo shares, or {EngineKey}=SparkConnect with Analytics:SparkConnect:LakeRoot (Spark reads HDFS).");
    }

    /// <summary>With the lake on HDFS, Spark must be told the lake's HDFS address: the silo's local folder means nothing to it.</summary>
    private sealed class SparkLakeValidator(IOptions<SparkConnectAnalyticsOptions> spark) : IValidateOptions<LakeOptions>
    {
        public ValidateOptionsResult Validate(string? name, LakeOptions options) =>
            options.Provider == LakeProvider.Local || spark.Value.LakeRoot is not null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Lake:Provider is {options.Provider} and Analytics:SparkConnect:LakeRoot is unset; set it to the lake's address as Spark reads it, "
                    + $"e.g. hdfs://namenode:8020{options.Root}.");
    }
}
