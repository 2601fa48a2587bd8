using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Api.Features.Analytics;

/// <summary>The analytics jobs' runs: list them, start one (docs/analytics.md, "Scheduling"). Administrators only.</summary>
public static class AnalyticsJobEndpoints
{
    /// <summary>Maps <c>/api/analytics/jobs</c>.</summary>
    public static RouteGroupBuilder MapAnalyticsJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics/jobs").WithTags("Analytics").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListRunsAsync).WithName("ListAnalyticsRuns")
            .WithSummary("The jobs' runs, newest first: status, trigger, attempts, duration, input files, rows per dataset, last error. Admins.");
        group.MapPost("/{job}/runs", StartRunAsync).WithName("StartAnalyticsRun")
            .WithSummary("Starts a run of one period of a job, or with chain=true the job and those after it for a day. Admins; 409 while that period runs.");
        return group;
    }

    private static async Task<Ok<PagedResult<AnalyticsRunView>>> ListRunsAsync(int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default).ListAsync(user.ToCaller(), Paging.From(page, pageSize)));

    private static async Task<Accepted<AnalyticsRunStarted>> StartRunAsync(string job, StartAnalyticsRunRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new AnalyticsRunCommand(job, body.Period, body.Chain ?? false);
        var started = await grains.GetGrain<IAnalyticsSchedulerGrain>(SingletonKeys.Default).RunAsync(user.ToCaller(), command);
        return TypedResults.Accepted("/api/analytics/jobs", started);
    }
}
