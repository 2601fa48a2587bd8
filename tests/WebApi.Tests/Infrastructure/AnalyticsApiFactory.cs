using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Infrastructure;

/// <summary>The API over its own temporary lake (ApiFactory.LakePath), with a low anomaly-spike threshold and a lake writer that flushes every second; tests write events into it.</summary>
public class AnalyticsApiFactory : ApiFactory
{
    /// <summary>Lands events as the lake writer does (Parquet in the raw zone).</summary>
    public Task WriteAsync(params DomainEvent[] events) =>
        new ParquetEventWriter(new LocalLakeStorage(LakePath)).WriteAsync(events, TestContext.Current.CancellationToken);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Analytics:Alerts:AnomalySpike"] = "1";

        // The end-to-end test waits for the silo's lake writer: a second, not the default 30, before a file lands.
        settings["Lake:FlushInterval"] = "00:00:01";
        return settings;
    }
}
