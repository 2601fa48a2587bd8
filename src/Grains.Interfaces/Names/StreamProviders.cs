namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>Names of the Orleans stream providers (memory in embedded mode, Kafka in production).</summary>
public static class StreamProviders
{
    /// <summary>The provider that carries every domain event stream.</summary>
    public const string Default = "proctorwise-streams";
}
