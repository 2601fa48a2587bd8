using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Cluster;

namespace ProctorWise.Api.Features.Cluster;

/// <summary>A silo's membership status (Orleans' <c>SiloStatus</c>, named for the JSON contract).</summary>
public enum ClusterSiloStatus
{
    /// <summary>Created, not yet joining.</summary>
    Created,

    /// <summary>Joining the cluster.</summary>
    Joining,

    /// <summary>Serving.</summary>
    Active,

    /// <summary>Leaving gracefully (handing its grains and queues over).</summary>
    ShuttingDown,

    /// <summary>Stopping.</summary>
    Stopping,

    /// <summary>Gone (stopped, or declared dead by the others).</summary>
    Dead,

    /// <summary>A status this version does not know.</summary>
    Unknown,
}

/// <summary>One silo of the membership table, with what it says about itself when it is active.</summary>
/// <param name="Address">Its address (<c>ip:port@generation</c>).</param>
/// <param name="Name">Its name (the pod name on Kubernetes).</param>
/// <param name="Host">Its host name.</param>
/// <param name="Status">Its membership status.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="LastHeartbeat">When it last wrote "I am alive" to the membership table, if it has.</param>
/// <param name="Activations">Grain activations on it (0 when not active).</param>
/// <param name="StreamTransport"><c>kafka</c> or <c>memory</c>, from its own report; null when it did not answer.</param>
/// <param name="Partitions">The Kafka partitions (stream queues) it owns, with their consumer lag.</param>
/// <param name="ProbeError">Why its own report is missing (it did not answer in time, or it left), else null.</param>
public sealed record SiloView(
    string Address,
    string Name,
    string Host,
    ClusterSiloStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? LastHeartbeat,
    int Activations,
    string? StreamTransport,
    IReadOnlyList<StreamPartitionView> Partitions,
    string? ProbeError);

/// <summary>Activations of one grain type on one silo.</summary>
/// <param name="GrainType">The grain class.</param>
/// <param name="Silo">The silo's address.</param>
/// <param name="Activations">How many.</param>
public sealed record GrainActivationsView(string GrainType, string Silo, int Activations);

/// <summary>The cluster as the admin Cluster page shows it.</summary>
/// <param name="GeneratedAt">When this was read, by the system clock that Orleans writes start and heartbeat times with (not the domain clock).</param>
/// <param name="Silos">Every silo of the membership table, active ones first, newest first within a status.</param>
/// <param name="Activations">Activations per grain type and silo, most first.</param>
/// <param name="RecentRuns">The latest analytics runs (newest first).</param>
/// <param name="DashboardEnabled">Whether the Orleans dashboard is served at <c>/dashboard</c>.</param>
public sealed record ClusterView(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SiloView> Silos,
    IReadOnlyList<GrainActivationsView> Activations,
    IReadOnlyList<AnalyticsRunView> RecentRuns,
    bool DashboardEnabled);

/// <summary>Every readiness check of the platform, run now (<c>GET /api/admin/readiness</c>).</summary>
/// <param name="CheckedAt">When.</param>
/// <param name="Status">The worst status of them all.</param>
/// <param name="Api">This API process's checks (cluster, vision, drain).</param>
/// <param name="Silos">Each active silo's checks.</param>
/// <param name="SilosError">Why no silo could be listed, when the cluster did not answer.</param>
public sealed record PlatformReadinessView(DateTimeOffset CheckedAt, string Status, IReadOnlyList<ReadinessCheck> Api, IReadOnlyList<SiloReadinessView> Silos, string? SilosError);

/// <summary>One silo's checks.</summary>
/// <param name="Address">The silo.</param>
/// <param name="Status">The worst of its checks, or Unhealthy when it did not answer.</param>
/// <param name="Checks">Membership, storage, streams, lake, analytics engine.</param>
/// <param name="Error">Why it did not answer.</param>
public sealed record SiloReadinessView(string Address, string Status, IReadOnlyList<ReadinessCheck> Checks, string? Error);
