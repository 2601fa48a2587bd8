using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Reports;

/// <summary>Registers the SkiaSharp PDF writer behind <see cref="IPdfReportWriter"/>.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ReportOptions"/> and registers the writer (fonts load on the first report).</summary>
    public static IServiceCollection AddProctorWisePdfReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.TryAddSingleton<ReportFonts>();
        services.TryAddSingleton<IPdfReportWriter, SkiaPdfReportWriter>();
        return services;
    }
}
