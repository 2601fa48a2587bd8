using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Ports;
using ProctorWise.SparkConnect;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>
/// One run of one job for one period, in one Spark session: orphan check, session settings, input views, the job's
/// views, then each dataset written by Spark to a staging folder and registered as a view for the later ones; the
/// staging folder is swapped in last, so a failed run leaves the previous output as it was. Every operation carries
/// the run's tag, and the session id is kept in a marker file beside the outputs while the run lasts, so a later run
/// (on any silo) can interrupt an orphan left by a silo that died.
/// </summary>
internal sealed class SparkJobRun(SparkConnectClient client, SparkLake lake, SparkConnectAnalyticsOptions options, ILogger logger, AnalyticsJobDefinition job, AnalyticsPeriod period)
{
    private readonly DateTimeOffset _deadline = DateTimeOffset.UtcNow + options.JobTimeout;

    /// <summary>The tag of every operation of the run: job and period (Spark refuses commas in tags).</summary>
    public string Tag => $"proctorwise:{job.Name}:{period.Key}";

    private string JobFolder => $"processed/{job.Name}";

    private string Marker => $"{JobFolder}/.spark-session-{period.Key}";

    public async Task<AnalyticsRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await InterruptOrphanAsync(cancellationToken).ConfigureAwait(false);
        var staging = $"{JobFolder}/.staging-{period.Key}-{Guid.NewGuid():N}";
        await using var session = client.OpenSession();
        using (var id = new MemoryStream(Encoding.UTF8.GetBytes(session.SessionId)))
        {
            await lake.Storage.WriteFileAsync(Marker, id, overwrite: true, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await SparkSessionSetup.PrepareAsync(session, cancellationToken).ConfigureAwait(false);
            foreach (var input in job.Inputs)
            {
                var partitions = await lake.PartitionsAsync(input.Definition, day => input.Reads(period, day), cancellationToken).ConfigureAwait(false);
                await SparkViews.RegisterInputAsync(session, lake, input.Definition, partitions, Options(), cancellationToken, input.Deduplicate).ConfigureAwait(false);
            }

            foreach (var view in job.Views)
            {
                await session.ExecuteCommandAsync(SparkPlans.View(view.Name, SparkPlans.Sql(view.Sql(period))), Options(), cancellationToken).ConfigureAwait(false);
            }

            var results = new List<AnalyticsDatasetResult>();
            foreach (var dataset in job.Datasets)
            {
                var path = lake.ClusterPath($"{staging}/{dataset.Name}");
                await session.ExecuteCommandAsync(SparkPlans.Write(SparkPlans.Sql(dataset.Sql(period)), path), Options(), cancellationToken).ConfigureAwait(false);
                await session.ExecuteCommandAsync(SparkPlans.View(dataset.Name, SparkPlans.Parquet([path])), Options(), cancellationToken).ConfigureAwait(false);
                results.Add(new AnalyticsDatasetResult(dataset.Name, await SparkViews.CountAsync(session, $"SELECT count(*) FROM {dataset.Name}", Options(), cancellationToken).ConfigureAwait(false)));
            }

            cancellationToken.ThrowIfCancellationRequested();
            await lake.Storage.RenameAsync(staging, $"{JobFolder}/{period.Key}", replace: true, cancellationToken).ConfigureAwait(false);
            SparkAnalyticsLog.Written(logger, job.Name, period.Key, clock.ElapsedMilliseconds, string.Join(", ", results.Select(r => $"{r.Name} {r.Rows}")));
            return new AnalyticsRunResult(job.Name, period.Key, results, clock.Elapsed);
        }
        finally
        {
            // Clean-up runs even when the caller gave up: a staging folder left behind is only disk, never output.
            await lake.Storage.DeleteAsync(staging, recursive: true, CancellationToken.None).ConfigureAwait(false);
            await lake.Storage.DeleteAsync(Marker, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    private SparkExecuteOptions Options()
    {
        var left = _deadline - DateTimeOffset.UtcNow;
        if (left <= TimeSpan.Zero)
        {
            throw new TimeoutException($"{job.Name} {period.Key} did not finish within Analytics:SparkConnect:JobTimeout ({options.JobTimeout}).");
        }

        return new SparkExecuteOptions { Tags = [Tag], Timeout = left };
    }

    // A marker left by a run whose silo died names its session: interrupt what still runs there under the run's tag
    // and release it, so two runs of one period never write at once.
    private async Task InterruptOrphanAsync(CancellationToken cancellationToken)
    {
        if (await lake.Storage.GetEntryAsync(Marker, cancellationToken).ConfigureAwait(false) is not { IsDirectory: false })
        {
            return;
        }

        string text;
        var stream = await lake.Storage.OpenReadAsync(Marker, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Guid.TryParse(text.Trim(), out var orphan))
        {
            await using var session = client.OpenSession(orphan);
            try
            {
                var interrupted = await session.InterruptTagAsync(Tag, cancellationToken).ConfigureAwait(false);
                SparkAnalyticsLog.OrphanInterrupted(logger, job.Name, period.Key, orphan, interrupted.Count);
            }
            catch (SparkConnectException e)
            {
                // The session is gone already (the server restarted or expired it): nothing runs there any more.
                SparkAnalyticsLog.OrphanGone(logger, e, job.Name, period.Key, orphan);
            }
        }

        await lake.Storage.DeleteAsync(Marker, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
