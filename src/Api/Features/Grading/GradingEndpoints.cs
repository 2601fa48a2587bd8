using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Grading;

namespace ProctorWise.Api.Features.Grading;

/// <summary>Submissions: reading, manual grading, publication.</summary>
public static class GradingEndpoints
{
    /// <summary>Maps <c>/api/submissions</c>.</summary>
    public static RouteGroupBuilder MapGradingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Grading").RequireAuthorization();
        group.MapGet("/me", ListMineAsync).RequireAuthorization(Policies.Student).WithName("ListMySubmissions").WithSummary("The caller's submissions; scores once published.");
        group.MapGet("/{id}", GetAsync).WithName("GetSubmission").WithSummary("A submission with per-question results.");
        group.MapPut("/{id}/grades/{questionId}", GradeAsync).RequireAuthorization(Policies.Teacher).WithName("GradeQuestion").WithSummary("Grades one answer; after publication the change is recorded and shown to the student.");
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(Policies.Teacher).WithName("PublishSubmission").WithSummary("Makes the result visible to the student.");
        return group;
    }

    private static async Task<Ok<PagedResult<SubmissionView>>> ListMineAsync(int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        var ids = await grains.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForStudent(caller.UserId)).ListAsync(Paging.From(page, pageSize));
        var views = await Task.WhenAll(ids.Items.Select(id => grains.GetGrain<ISubmissionGrain>(id).GetAsync(caller)));
        return TypedResults.Ok(new PagedResult<SubmissionView>(views, ids.Page, ids.PageSize, ids.Total));
    }

    private static async Task<Ok<SubmissionView>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISubmissionGrain>(id).GetAsync(user.ToCaller()));

    private static async Task<Ok<SubmissionView>> GradeAsync(string id, string questionId, GradeRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var score = body.Score ?? throw ProctorWiseException.Invalid("score", "Required.");
        return TypedResults.Ok(await grains.GetGrain<ISubmissionGrain>(id).GradeAsync(user.ToCaller(), questionId, score, body.Feedback, body.Reason));
    }

    private static async Task<Ok<SubmissionView>> PublishAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISubmissionGrain>(id).PublishAsync(user.ToCaller()));
}
