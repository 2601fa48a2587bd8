using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Vision.Onnx;

/// <summary>Registers the ONNX vision adapter behind <see cref="IFrameAnalyzer"/>.</summary>
public static class VisionServiceCollectionExtensions
{
    /// <summary>Binds <see cref="VisionOptions"/> (checked when the host starts) and registers the analyzer (models load on first use).</summary>
    public static IServiceCollection AddProctorWiseVision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VisionOptions>().Bind(configuration.GetSection(VisionOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VisionOptions>, VisionOptionsValidator>());
        services.TryAddSingleton<IFrameAnalyzer, OnnxFrameAnalyzer>();
        return services;
    }
}
