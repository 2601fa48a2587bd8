using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Storage;

/// <summary>Registers the folder-backed stores behind the Grains ports.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Evidence frames in <see cref="EvidenceStoreOptions.Path"/>.</summary>
    public static IServiceCollection AddFileEvidenceStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceStoreOptions>().Bind(configuration.GetSection(EvidenceStoreOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{EvidenceStoreOptions.Section}:Path is empty.")
            .ValidateOnStart();
        services.TryAddSingleton<IEvidenceStore, FileEvidenceStore>();
        return services;
    }
}
