using ProctorWise.Analytics;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <summary>
/// One attempt of a run: pre-check, run, post-checks. The pre-check fails when a namespace the job reads has never
/// been landed at all (<c>raw/&lt;namespace&gt;</c> missing: a lake path that is not the writer's, or a writer that never
/// ran), since the job would then report an empty period that is not empty. A period whose partitions are merely
/// absent runs and succeeds with zero rows, recorded as such.
/// </summary>
internal sealed class AnalyticsRunAttempt(IAnalyticsEngine engine, ILakeStorage lake, AnalyticsLake root)
{
    /// <summary>Runs one attempt; throws <see cref="AnalyticsRunException"/> with a clear message when a check fails.</summary>
    public async Task<AnalyticsAttemptOutcome> RunAsync(AnalyticsJobDefinition job, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        var request = new AnalyticsRunRequest(root.Root, job.Name, period);
        foreach (var ns in job.Inputs.Select(i => i.Definition.Namespace).Distinct(StringComparer.Ordinal))
        {
            if (await lake.GetEntryAsync($"raw/{ns}", cancellationToken) is not { IsDirectory: true })
            {
                throw new AnalyticsRunException(
                    $"Pre-check: the lake at {root.Root} has no raw/{ns}: no {ns} event was ever landed there. Check that Lake:Path is the lake writer's on every silo.");
            }
        }

        var inputs = await engine.CheckInputsAsync(request, cancellationToken);
        var result = await engine.RunAsync(request, cancellationToken);
        var failures = await new AnalyticsPostChecks(engine, lake).CheckAsync(job, request, result, cancellationToken);
        if (failures.Count > 0)
        {
            throw new AnalyticsRunException("Post-check: " + string.Join("; ", failures) + ".");
        }

        return new AnalyticsAttemptOutcome(result, inputs.Partitions.Sum(p => p.Files), !inputs.HasAnyInput);
    }
}
