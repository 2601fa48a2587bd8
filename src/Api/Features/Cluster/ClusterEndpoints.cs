using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Hosting;

namespace ProctorWise.Api.Features.Cluster;

/// <summary>The admin Cluster page's data and the Orleans dashboard's sign-in (docs/operations.md). Administrators only.</summary>
public static class ClusterEndpoints
{
    /// <summary>The cookie that carries the admin's token to <see cref="OrleansDashboardOptions.Path"/> (a browser navigation sends no bearer header).</summary>
    public const string DashboardCookie = "pw_dashboard";

    /// <summary>How long a silo's own report may take before the page shows it as not answering.</summary>
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Maps <c>/api/admin/cluster</c> and <c>/api/admin/dashboard/session</c>.</summary>
    public static RouteGroupBuilder MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Cluster").RequireAuthorization(Policies.Admin);
        group.MapGet("/cluster", GetClusterAsync).WithName("GetCluster")
            .WithSummary("Silos with status and age, activations per silo and grain type, stream queues and Kafka lag per silo, the latest analytics runs. Admins.");
        group.MapPost("/dashboard/session", OpenDashboard).WithName("OpenOrleansDashboard")
            .WithSummary("Lets the caller's browser open the Orleans dashboard at /dashboard: sets an HttpOnly, SameSite=Strict cookie holding the caller's token, valid as long as it. Admins; 404 when the dashboard is off.");
        return group;
    }

    private static async Task<Ok<ClusterView>> GetClusterAsync(ClaimsPrincipal user, IGrainFactory grains, TimeProvider time, IOptions<OrleansDashboardOptions> dashboard, CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(false, cancellationToken);
        var statistics = await management.GetSimpleGrainStatistics(cancellationToken);
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToList();
        var reports = await Task.WhenAll(active.Select(a => ProbeAsync(grains, a)));
        var byAddress = reports.ToDictionary(r => r.Address);
        var perSilo = statistics.GroupBy(s => s.SiloAddress).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));

        var silos = hosts
            .Select(h =>
            {
                byAddress.TryGetValue(h.SiloAddress, out var probe);
                return new SiloView(
                    h.SiloAddress.ToParsableString(),
                    h.SiloName ?? string.Empty,
                    h.HostName ?? string.Empty,
                    StatusOf(h.Status),
                    AsUtc(h.StartTime),
                    h.IAmAliveTime == default ? null : AsUtc(h.IAmAliveTime),
                    perSilo.GetValueOrDefault(h.SiloAddress),
                    probe?.Report?.StreamTransport,
                    probe?.Report?.Partitions ?? [],
                    probe?.Error);
            })
            .OrderBy(s => s.Status == ClusterSiloStatus.Active ? 0 : 1)
            .ThenByDescending(s => s.StartedAt)
            .ToList();
        var activations = statistics
            .Where(s => s.ActivationCount > 0)
            .Select(s => new GrainActivationsView(s.GrainType, s.SiloAddress.ToParsableString(), s.ActivationCount))
            .OrderByDescending(a => a.Activations).ThenBy(a => a.GrainType, StringComparer.Ordinal)
            .ToList();
        var runs = await grains.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default).ListAsync(user.ToCaller(), new PageRequest(1, 10));
        // The system clock (the unkeyed TimeProvider), never the domain clock: membership times are written with it.
        return TypedResults.Ok(new ClusterView(time.GetUtcNow(), silos, activations, runs.Items, dashboard.Value.Enabled));
    }

    private static async Task<Probe> ProbeAsync(IGrainFactory grains, SiloAddress address)
    {
        try
        {
            var report = await grains.GetGrain<ISiloProbeGrain>(address.ToParsableString()).ReportAsync().WaitAsync(s_probeTimeout);
            return report.OnRequestedSilo
                ? new Probe(address, report, null)
                : new Probe(address, null, "It left the cluster while being asked.");
        }
        catch (TimeoutException)
        {
            return new Probe(address, null, $"It did not answer within {s_probeTimeout.TotalSeconds:0} s.");
        }
        catch (SiloUnavailableException ex)
        {
            return new Probe(address, null, "It is unavailable: " + ex.Message);
        }
    }

    private static Results<NoContent, NotFound> OpenDashboard(HttpContext http, IOptions<OrleansDashboardOptions> dashboard, ClaimsPrincipal user)
    {
        if (!dashboard.Value.Enabled)
        {
            return TypedResults.NotFound();
        }

        // The caller authenticated with this very token (a header, never a cookie, reaches /api): reuse it, with its expiry.
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
        var expires = long.TryParse(user.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : (DateTimeOffset?)null;
        http.Response.Cookies.Append(DashboardCookie, token, new CookieOptions
        {
            Path = OrleansDashboardOptions.Path,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Expires = expires,
            IsEssential = true,
        });
        return TypedResults.NoContent();
    }

    private static ClusterSiloStatus StatusOf(SiloStatus status) => status switch
    {
        SiloStatus.Created => ClusterSiloStatus.Created,
        SiloStatus.Joining => ClusterSiloStatus.Joining,
        SiloStatus.Active => ClusterSiloStatus.Active,
        SiloStatus.ShuttingDown => ClusterSiloStatus.ShuttingDown,
        SiloStatus.Stopping => ClusterSiloStatus.Stopping,
        SiloStatus.Dead => ClusterSiloStatus.Dead,
        _ => ClusterSiloStatus.Unknown,
    };

    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record Probe(SiloAddress Address, SiloReport? Report, string? Error);
}
