using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Api.Hosting;

/// <summary>
/// Ready only with a face model: without it proctoring cannot work, and the message says how to get it.
/// The optional object detector is reported as <c>unavailable</c> without failing readiness.
/// </summary>
internal sealed class VisionHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await grains.GetGrain<IFrameAnalysisGrain>(0).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            var objects = status.ObjectCheck == CheckStatus.Ok ? $"objects: ok ({status.ObjectDetail})" : $"objects: unavailable ({status.ObjectDetail})";
            return status.FaceCheck == CheckStatus.Ok
                ? HealthCheckResult.Healthy($"faces: ok ({status.FaceDetail}); {objects}")
                : HealthCheckResult.Unhealthy($"faces: unavailable ({status.FaceDetail}); {objects}");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The vision service does not answer.", e);
        }
    }
}
