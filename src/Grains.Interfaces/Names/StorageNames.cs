namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>Names of the grain storage providers, shared by hosts and grains (STYLE rule 11).</summary>
public static class StorageNames
{
    /// <summary>The storage every grain state is written to (memory in embedded mode, ADO.NET in production).</summary>
    public const string Default = "proctorwise";

    /// <summary>The storage the stream pub/sub rendezvous uses.</summary>
    public const string PubSub = "PubSubStore";
}
