namespace ProctorWise.Hosting;

/// <summary>What carries the Orleans streams.</summary>
public enum StreamTransport
{
    /// <summary>Orleans memory streams inside the cluster (embedded mode).</summary>
    Memory,

    /// <summary>The project's Kafka provider (<c>Kafka:BootstrapServers</c> set).</summary>
    Kafka,
}
