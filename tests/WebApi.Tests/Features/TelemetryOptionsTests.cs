using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProctorWise.Hosting;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary><c>Telemetry:Exporter</c> takes a name (any case) and refuses anything else, naming the key.</summary>
public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData(null, TelemetryExporter.Prometheus)]
    [InlineData("", TelemetryExporter.Prometheus)]
    [InlineData("prometheus", TelemetryExporter.Prometheus)]
    [InlineData("OTLP", TelemetryExporter.Otlp)]
    [InlineData(" none ", TelemetryExporter.None)]
    public void ANamedExporterIsTaken(string? value, TelemetryExporter expected) =>
        Assert.Equal(expected, TelemetryOptions.From(Configuration(value)).Exporter);

    [Theory]
    [InlineData("zipkin")]
    [InlineData("1")]
    [InlineData("prometheus,otlp")]
    public void AnythingElseFailsNamingTheKeyAndTheChoices(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => TelemetryOptions.From(Configuration(value)));
        Assert.Equal($"Telemetry:Exporter is '{value}'; expected one of prometheus, otlp, none.", Assert.Single(error.Failures));
    }

    private static IConfiguration Configuration(string? exporter) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryOptions.ExporterKey] = exporter }).Build();
}
