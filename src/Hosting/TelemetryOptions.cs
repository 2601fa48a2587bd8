using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting;

/// <summary>How a process exports its metrics, read once and validated at start.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The key of <see cref="Exporter"/>.</summary>
    public const string ExporterKey = "Telemetry:Exporter";

    /// <summary>Where metrics go; Prometheus by default, so <c>/metrics</c> works without a collector.</summary>
    public TelemetryExporter Exporter { get; init; } = TelemetryExporter.Prometheus;

    /// <summary>
    /// Whether traces are collected: with the OTLP exporter (traces have no Prometheus form). Silos and clients then
    /// propagate activities across grain calls, which costs a little on every call, so not otherwise.
    /// </summary>
    public bool TracesEnabled => Exporter == TelemetryExporter.Otlp;

    /// <summary>Reads and validates the options; a bad value throws with the key that holds it.</summary>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        if (configuration[ExporterKey] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return new TelemetryOptions();
        }

        // Names only: Enum.TryParse would also take "1" or "prometheus,otlp".
        var exporter = Enum.GetValues<TelemetryExporter>().Where(e => string.Equals(e.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (exporter.Count == 1)
        {
            return new TelemetryOptions { Exporter = exporter[0] };
        }

        var expected = string.Join(", ", Enum.GetNames<TelemetryExporter>().Select(n => n.ToLowerInvariant()));
        throw new OptionsValidationException(nameof(TelemetryOptions), typeof(TelemetryOptions), [$"{ExporterKey} is '{text}'; expected one of {expected}."]);
    }
}
