using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Api.Features.Exams;

/// <summary>Exams, their slots and their submissions. Ownership is checked by the exam grain.</summary>
public static class ExamEndpoints
{
    /// <summary>Maps <c>/api/exams</c>.</summary>
    public static RouteGroupBuilder MapExamEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exams").WithTags("Exams").RequireAuthorization();
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Teacher).WithName("CreateExam").WithSummary("Creates a draft exam.");
        group.MapGet("/", ListAsync).WithName("ListExams").WithSummary("Teachers: their exams; admins: all; others: published exams.");
        group.MapGet("/{id}", GetAsync).WithName("GetExam").WithSummary("The exam; questions and keys only for its owner.");
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.Teacher).WithName("UpdateExam").WithSummary("Replaces the exam until a session starts.");
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(Policies.Teacher).WithName("PublishExam").WithSummary("Publishes the exam.");
        group.MapDelete("/{id}", ArchiveAsync).RequireAuthorization(Policies.Teacher).WithName("ArchiveExam").WithSummary("Archives the exam: hidden, slots closed, history kept.");
        group.MapPost("/{id}/slots", AddSlotAsync).RequireAuthorization(Policies.Teacher).WithName("AddSlot").WithSummary("Opens a slot.");
        group.MapGet("/{id}/slots", ListSlotsAsync).WithName("ListSlots").WithSummary("The exam's slots with booked counts.");
        group.MapDelete("/{id}/slots/{slotId}", RemoveSlotAsync).RequireAuthorization(Policies.Teacher).WithName("RemoveSlot").WithSummary("Deletes a slot without bookings.");
        group.MapGet("/{id}/submissions", ListSubmissionsAsync).RequireAuthorization(Policies.Teacher).WithName("ListExamSubmissions").WithSummary("The exam's submissions.");
        return group;
    }

    private static async Task<Created<ExamView>> CreateAsync(ExamRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var exam = await grains.GetGrain<IExamGrain>(Guid.CreateVersion7().ToString("N")).CreateAsync(user.ToCaller(), body.ToDraft());
        return TypedResults.Created($"/api/exams/{exam.Id}", exam);
    }

    private static async Task<Ok<PagedResult<ExamView>>> ListAsync(int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamCatalogGrain>(SingletonKeys.Default).ListAsync(user.ToCaller(), Paging.From(page, pageSize)));

    private static async Task<Ok<ExamView>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamGrain>(id).GetAsync(user.ToCaller()));

    private static async Task<Ok<ExamView>> UpdateAsync(string id, ExamRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamGrain>(id).UpdateAsync(user.ToCaller(), body.ToDraft()));

    private static async Task<Ok<ExamView>> PublishAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamGrain>(id).PublishAsync(user.ToCaller()));

    private static async Task<Ok<ExamView>> ArchiveAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamGrain>(id).ArchiveAsync(user.ToCaller()));

    private static async Task<Created<SlotView>> AddSlotAsync(string id, SlotRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var startsAt = body.StartsAt ?? throw ProctorWiseException.Invalid("startsAt", "Required.");
        var capacity = body.Capacity ?? throw ProctorWiseException.Invalid("capacity", "Required.");
        var slot = await grains.GetGrain<IExamGrain>(id).AddSlotAsync(user.ToCaller(), startsAt, capacity);
        return TypedResults.Created($"/api/exams/{id}/slots/{slot.Id}", slot);
    }

    private static async Task<Ok<IReadOnlyList<SlotView>>> ListSlotsAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamGrain>(id).ListSlotsAsync(user.ToCaller()));

    private static async Task<NoContent> RemoveSlotAsync(string id, string slotId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IExamGrain>(id).RemoveSlotAsync(user.ToCaller(), slotId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedResult<SubmissionView>>> ListSubmissionsAsync(
        string id, int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        await grains.GetGrain<IExamGrain>(id).AuthorizeOwnerAsync(caller);
        var ids = await grains.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForExam(id)).ListAsync(Paging.From(page, pageSize));
        var views = await Task.WhenAll(ids.Items.Select(s => grains.GetGrain<ISubmissionGrain>(s).GetAsync(caller)));
        return TypedResults.Ok(new PagedResult<SubmissionView>(views, ids.Page, ids.PageSize, ids.Total));
    }
}
