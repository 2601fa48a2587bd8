using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake.Events;

namespace ProctorWise.Lake;

/// <summary>Registers the lake (storage chosen by <c>Lake:Provider</c>) and its event writer.</summary>
public static class LakeServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="LakeOptions"/> at start, registers <see cref="ILakeStorage"/> (a folder or
    /// WebHDFS), the <see cref="ParquetEventWriter"/>, and <see cref="LakeEventBatcher"/> as transient (one per consumer).
    /// </summary>
    public static IServiceCollection AddLake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LakeOptions>().Bind(configuration.GetSection(LakeOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LakeOptions>, LakeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILakeStorage>(sp => sp.GetRequiredService<IOptions<LakeOptions>>().Value.Provider == LakeProvider.WebHdfs
            ? new WebHdfsLakeStorage(sp.GetRequiredService<IOptions<LakeOptions>>())
            : new LocalLakeStorage(sp.GetRequiredService<IOptions<LakeOptions>>()));
        services.TryAddSingleton<ParquetEventWriter>();
        services.TryAddTransient<LakeEventBatcher>();
        return services;
    }
}
