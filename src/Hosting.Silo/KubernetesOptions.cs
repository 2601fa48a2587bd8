namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Orleans' Kubernetes hosting for a silo that runs in a pod (configuration section <c>Orleans:Kubernetes</c>).
/// It does not replace membership (silos still find each other in the MariaDB table): it names the silo after its
/// pod, advertises the pod IP, labels the pod with the cluster's ids and lets Orleans declare dead the silos whose
/// pods Kubernetes has removed, instead of waiting for missed probes.
/// </summary>
public sealed class KubernetesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orleans:Kubernetes";

    /// <summary>The default of <see cref="MaxAgents"/> (Orleans' own).</summary>
    public const int DefaultMaxAgents = 2;

    /// <summary>Whether this silo uses Kubernetes hosting; off outside a pod, where there is no API server to ask.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How many silos of the cluster watch the Kubernetes API for pods that went away; more watchers notice sooner
    /// but load the API server more.
    /// </summary>
    public int MaxAgents { get; set; } = DefaultMaxAgents;
}
