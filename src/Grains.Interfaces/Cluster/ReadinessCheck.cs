namespace ProctorWise.Grains.Interfaces.Cluster;

/// <summary>One readiness check as it just ran.</summary>
/// <param name="Name">The check (<c>membership</c>, <c>storage</c>, <c>streams</c>, <c>lake</c>, <c>analytics-engine</c>, …).</param>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c> (the names of /health/ready).</param>
/// <param name="Description">What was checked and what it found ("MariaDB answers (read in 4 ms)", "in memory (embedded mode)").</param>
[GenerateSerializer, Immutable, Alias("pw.readiness-check")]
public sealed record class ReadinessCheck(string Name, string Status, string? Description);
