namespace ProctorWise.Grains.Ports;

/// <summary>A cheap round trip to the analytics engine in use, for the readiness grid.</summary>
public interface IAnalyticsEngineProbe
{
    /// <summary>The engine as the grid names it ("DuckDB (embedded)", "Spark Connect sc://spark:15002").</summary>
    string Name { get; }

    /// <summary>Asks the engine something trivial; returns what it said ("DuckDB v1.2.0 opens"), or throws.</summary>
    Task<string> ProbeAsync(CancellationToken cancellationToken);
}
