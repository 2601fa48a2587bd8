using ProctorWise.Analytics;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <summary>
/// One attempt of a run: pre-check, run, post-checks. The pre-check fails when the lake has no raw zone at all
/// (<c>raw/</c> missing): the lake writer never wrote there (a silo pointed at another folder, a volume not mounted),
/// and the job would report an empty period that is not empty. A lake whose raw zone exists but has no partition for
/// the period (a quiet day, or a namespace nothing was published on yet) runs and succeeds with zero rows, recorded
/// as such (<see cref="AnalyticsAttemptOutcome.NoInput"/>), never skipped.
/// </summary>
internal sealed class AnalyticsRunAttempt(IAnalyticsEngine engine, IAnalyticsReports reports, ILakeStorage lake, AnalyticsLake root, TimeProvider clock)
{
    /// <summary>The raw zone's folder.</summary>
    public const string RawZone = "raw";

    /// <summary>Runs one attempt; throws <see cref="AnalyticsRunException"/> with a clear message when a check fails.</summary>
    public async Task<AnalyticsAttemptOutcome> RunAsync(AnalyticsJobDefinition job, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        var request = new AnalyticsRunRequest(root.Root, job.Name, period);
        if (await lake.GetEntryAsync(RawZone, cancellationToken) is not { IsDirectory: true })
        {
            var inputs = string.Join(", ", job.Inputs.Select(i => $"{RawZone}/{i.Definition.Namespace}/…/type={i.Definition.EventType}").Distinct(StringComparer.Ordinal));
            throw new AnalyticsRunException(
                $"Pre-check: the lake at {root.Root} has no raw zone ({RawZone}/), so the inputs of {job.Name} {period.Key} ({inputs}) cannot be read: "
                + "no event was ever landed there. Check that Lake:Path names the lake writer's folder on every silo (one shared volume) and that the writer runs.");
        }

        var report = await engine.CheckInputsAsync(request, cancellationToken);
        var result = await engine.RunAsync(request, cancellationToken);
        var failures = await new AnalyticsPostChecks(engine, reports, lake).CheckAsync(job, request, result, clock.GetUtcNow(), cancellationToken);
        if (failures.Count > 0)
        {
            throw new AnalyticsRunException("Post-check: " + string.Join("; ", failures) + ".");
        }

        return new AnalyticsAttemptOutcome(result, report.Partitions.Sum(p => p.Files), !report.HasAnyInput);
    }
}
