using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Vision.Onnx;

/// <summary>Registers the ONNX vision adapter behind <see cref="IFrameAnalyzer"/>.</summary>
public static class VisionServiceCollectionExtensions
{
    /// <summary>Binds <see cref="VisionOptions"/> and registers the analyzer (models load on first use).</summary>
    public static IServiceCollection AddProctorWiseVision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VisionOptions>().Bind(configuration.GetSection(VisionOptions.Section));
        services.TryAddSingleton<IFrameAnalyzer, OnnxFrameAnalyzer>();
        return services;
    }
}
