namespace ProctorWise.Grains.Interfaces.Cluster;

/// <summary>What one silo says about itself (its <see cref="ISiloProbeGrain"/>).</summary>
/// <param name="Silo">The silo that answered (<c>SiloAddress.ToParsableString()</c>).</param>
/// <param name="OnRequestedSilo">False when the probe could not be placed on the silo asked for (it left meanwhile): the rest is then another silo's.</param>
/// <param name="StreamTransport">How streams travel: <c>kafka</c>, or <c>memory</c> (embedded; no queues to show).</param>
/// <param name="Partitions">The Kafka partitions this silo's pulling agents own, with their lag.</param>
/// <param name="ReportedAt">When the silo answered.</param>
[GenerateSerializer, Immutable, Alias("pw.silo-report")]
public sealed record class SiloReport(string Silo, bool OnRequestedSilo, string StreamTransport, IReadOnlyList<StreamPartitionView> Partitions, DateTimeOffset ReportedAt);
