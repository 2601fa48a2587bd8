namespace ProctorWise.Grains.Ports;

/// <summary>
/// Runs the analytics jobs of <see cref="ProctorWise.Analytics.JobCatalog"/> over a lake and reads their outputs
/// (DuckDB in process by default; Spark for clusters). Implementations run the work off the caller's thread on a
/// bounded worker, so a grain awaiting a run never blocks its silo's scheduler, and honour cancellation.
/// Bad job, dataset, period or paging arguments are <see cref="InvalidAnalyticsRequestException"/>s naming the field.
/// </summary>
public interface IAnalyticsEngine
{
    /// <summary>
    /// Runs one job for one period and writes every dataset to <c>processed/&lt;job&gt;/&lt;period&gt;/&lt;dataset&gt;/</c>,
    /// staged and then swapped in, so a re-run replaces the period's output whole and a failed run leaves the
    /// previous output as it was. A period without input succeeds with zero rows.
    /// </summary>
    Task<AnalyticsRunResult> RunAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>Which input partitions of the job exist for the period, with their file counts (the pre-check).</summary>
    Task<AnalyticsInputReport> CheckInputsAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>A page of a written dataset, or null when that period has no output yet.</summary>
    Task<AnalyticsPage?> ReadAsync(AnalyticsPageRequest request, CancellationToken cancellationToken = default);
}
