using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Api.Features.Sessions;

/// <summary>Exam sessions: start, answers, submission. Rights and the deadline are enforced by the grains.</summary>
public static class SessionEndpoints
{
    /// <summary>Maps <c>/api/bookings/{id}/session</c> and <c>/api/sessions</c>.</summary>
    public static RouteGroupBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Sessions").RequireAuthorization();
        group.MapPost("/bookings/{id}/session", StartAsync).RequireAuthorization(Policies.Student).WithName("StartSession")
            .WithSummary("Starts or resumes the booking's attempt; questions come without keys.");
        group.MapGet("/sessions/{id}", GetAsync).WithName("GetSession").WithSummary("The session as the caller may see it.");
        group.MapPut("/sessions/{id}/answers/{questionId}", SaveAnswerAsync).RequireAuthorization(Policies.Student).WithName("SaveAnswer")
            .WithSummary("Autosaves an answer; stale sequence numbers are ignored.");
        group.MapPost("/sessions/{id}/submit", SubmitAsync).RequireAuthorization(Policies.Student).WithName("Submit").WithSummary("Submits (idempotent).");
        return group;
    }

    private static async Task<Results<Created<SessionView>, Ok<SessionView>>> StartAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        var result = await grains.GetGrain<IStudentBookingsGrain>(caller.UserId).StartSessionAsync(caller, id);
        return result.Created
            ? TypedResults.Created($"/api/sessions/{result.Session.Id}", result.Session)
            : TypedResults.Ok(result.Session);
    }

    private static async Task<Ok<SessionView>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamSessionGrain>(id).GetAsync(user.ToCaller()));

    private static async Task<NoContent> SaveAnswerAsync(string id, string questionId, AnswerRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var answer = body.Answer ?? throw ProctorWiseException.Invalid("answer", "Required.");
        var seq = body.Seq ?? throw ProctorWiseException.Invalid("seq", "Required.");
        await grains.GetGrain<IExamSessionGrain>(id).SaveAnswerAsync(user.ToCaller(), questionId, answer, seq);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SubmitResponse>> SubmitAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new SubmitResponse(await grains.GetGrain<IExamSessionGrain>(id).SubmitAsync(user.ToCaller())));
}
