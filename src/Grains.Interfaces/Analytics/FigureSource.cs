namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>Where a group of figures comes from, so a reader knows how fresh it is.</summary>
/// <param name="Figures">The response fields it covers.</param>
/// <param name="Source"><c>live</c> (grains, now), <c>lake</c> (the raw zone: as fresh as the lake writer's last flush) or <c>last_run</c> (a job's output).</param>
/// <param name="Job">For <c>last_run</c>: the job.</param>
/// <param name="Period">For <c>last_run</c>: the run's period key.</param>
[GenerateSerializer, Immutable, Alias("pw.figure-source")]
public sealed record class FigureSource(IReadOnlyList<string> Figures, string Source, string? Job = null, string? Period = null);
