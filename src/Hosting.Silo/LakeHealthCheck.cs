using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// The lake takes a write: a small probe file of this silo's own is written, then deleted, in the local folder or
/// over WebHDFS. A lake that only answers reads would still lose the facts the ingester lands.
/// </summary>
internal sealed class LakeHealthCheck(ILakeStorage lake, IOptions<LakeOptions> options, ILocalSiloDetails local) : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var where = options.Value.Provider == LakeProvider.WebHdfs
            ? $"WebHDFS {options.Value.WebHdfs.Url} ({options.Value.Root})"
            : $"local folder {Path.GetFullPath(options.Value.Path)}";
        // One file per run, not per silo: the probes of Kubernetes, the periodic health metric and the admin grid run
        // at the same time, and with one shared name one run's delete could remove the file another just wrote.
        var path = $"_health/{local.SiloAddress.Endpoint.ToString().Replace(':', '_')}.{Guid.NewGuid():N}.probe";
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new MemoryStream([1]);
            await lake.WriteFileAsync(path, content, overwrite: true, cancellationToken).WaitAsync(s_timeout, cancellationToken);
            await lake.DeleteAsync(path, cancellationToken: cancellationToken).WaitAsync(s_timeout, cancellationToken);
            return HealthCheckResult.Healthy($"{where} writable (write and delete in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or HttpRequestException or LakeFileExistsException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{where} is not writable", e);
        }
    }
}
