namespace ProctorWise.Hosting;

/// <summary>Where metrics go (<c>Telemetry:Exporter</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>Served as Prometheus text at <c>/metrics</c>, for a scraper.</summary>
    Prometheus,

    /// <summary>Pushed over OTLP to the collector named by the standard <c>OTEL_EXPORTER_OTLP_*</c> variables.</summary>
    Otlp,

    /// <summary>No metrics pipeline at all.</summary>
    None,
}
