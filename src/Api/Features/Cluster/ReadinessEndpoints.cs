using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Hosting;

namespace ProctorWise.Api.Features.Cluster;

/// <summary>
/// The admin platform page's health grid: this API process's readiness checks and every active silo's own checks
/// (membership, storage, streams, lake, analytics engine), all run now — nothing here is assumed or cached.
/// </summary>
public static class ReadinessEndpoints
{
    private static readonly string[] s_order = ["Unhealthy", "Degraded", "Healthy"];

    /// <summary>Maps <c>GET /api/admin/readiness</c> (admins).</summary>
    public static RouteHandlerBuilder MapReadinessEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/readiness", GetReadinessAsync)
            .WithTags("Cluster")
            .RequireAuthorization(Policies.Admin)
            .WithName("GetPlatformReadiness")
            .WithSummary("Runs the readiness checks now: this API process's (cluster, vision model, hub drain) and each active silo's (membership, storage, streams, lake, analytics engine). Admins.");

    private static async Task<Ok<PlatformReadinessView>> GetReadinessAsync(
        IGrainFactory grains, HealthCheckService health, IOptions<HealthEndpointOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        // How long one silo may take to run its checks (each check has its own shorter timeout).
        var siloTimeout = options.Value.SiloReadinessTimeout;
        // A co-hosted silo's checks live in this process too; they are shown under the silo, not twice.
        var own = await health.CheckHealthAsync(r => r.Tags.Contains(HealthEndpoints.ReadyTag) && !r.Tags.Contains(HealthEndpoints.SiloTag), cancellationToken);
        IReadOnlyList<ReadinessCheck> api = [.. own.Entries.Select(e => new ReadinessCheck(e.Key, e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.Message))];

        IReadOnlyList<SiloReadinessView> silos;
        string? silosError = null;
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(siloTimeout, cancellationToken);
            silos = await Task.WhenAll(hosts.Keys.OrderBy(a => a.ToParsableString(), StringComparer.Ordinal)
                .Select(a => SiloAsync(grains, a.ToParsableString(), siloTimeout, cancellationToken)));
        }
        catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansException)
        {
            silos = [];
            silosError = "The cluster did not list its silos: " + e.Message;
        }

        var statuses = api.Select(c => c.Status).Concat(silos.Select(s => s.Status)).Append(silosError is null ? "Healthy" : "Unhealthy");
        return TypedResults.Ok(new PlatformReadinessView(time.GetUtcNow(), Worst(statuses), api, silos, silosError));
    }

    private static async Task<SiloReadinessView> SiloAsync(IGrainFactory grains, string address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            // Bounded here, whatever the silo does: a silo that never answers is a row of the grid, not a hung page.
            var checks = await grains.GetGrain<ISiloProbeGrain>(address).CheckReadinessAsync().WaitAsync(timeout, cancellationToken);
            return new SiloReadinessView(address, Worst(checks.Select(c => c.Status)), [.. checks.OrderBy(c => c.Name, StringComparer.Ordinal)], null);
        }
        catch (TimeoutException)
        {
            return new SiloReadinessView(address, "Unhealthy", [], string.Create(CultureInfo.InvariantCulture,
                $"It is unreachable: it did not answer within {timeout.TotalSeconds:0.###} s (Health:SiloReadinessTimeout)."));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any other failure of one silo's call (gone, rejected, its checks threw) is that silo's row, never a 500
            // that hides the others; only the admin leaving the page ends the request.
            return new SiloReadinessView(address, "Unhealthy", [], "It did not run its checks: " + e.Message);
        }
    }

    private static string Worst(IEnumerable<string> statuses)
    {
        var all = statuses.ToList();
        return s_order.FirstOrDefault(all.Contains) ?? (all.Count == 0 ? "Healthy" : "Unhealthy");
    }
}
