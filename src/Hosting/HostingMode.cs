namespace ProctorWise.Hosting;

/// <summary>How a process that serves the API reaches the grains (<c>Orleans:Hosting</c>).</summary>
public enum HostingMode
{
    /// <summary>A silo runs in the same process (embedded mode, the default of src/WebApi).</summary>
    Silo,

    /// <summary>The process is an Orleans client of a separate cluster (src/Frontend, or src/WebApi with <c>Client</c>).</summary>
    Client,
}
