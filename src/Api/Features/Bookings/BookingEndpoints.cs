using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Features.Bookings;

/// <summary>Bookings of slots and the slots' staff. A student only ever reaches their own bookings grain.</summary>
public static class BookingEndpoints
{
    /// <summary>Maps <c>/api/slots/{slotId}/…</c> and <c>/api/bookings</c>.</summary>
    public static RouteGroupBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Bookings").RequireAuthorization();
        group.MapPost("/slots/{slotId}/bookings", BookAsync).RequireAuthorization(Policies.Student).WithName("Book").WithSummary("Books a seat in a slot.");
        group.MapGet("/slots/{slotId}/bookings", ListSlotBookingsAsync).WithName("ListSlotBookings").WithSummary("A slot's bookings (exam owner, slot proctors, admins).");
        group.MapPost("/slots/{slotId}/proctors", AssignProctorAsync).RequireAuthorization(Policies.Teacher).WithName("AssignProctor").WithSummary("Assigns a proctor to a slot.");
        group.MapGet("/slots/{slotId}/proctors", ListSlotProctorsAsync).WithName("ListSlotProctors").WithSummary("A slot's proctors (exam owner, slot proctors, admins).");
        group.MapDelete("/slots/{slotId}/proctors/{proctorId}", UnassignProctorAsync).RequireAuthorization(Policies.Teacher).WithName("UnassignProctor").WithSummary("Removes a proctor from a slot.");
        group.MapGet("/proctors", ListProctorsAsync).RequireAuthorization(Policies.Teacher).WithName("ListProctors").WithSummary("Active proctor accounts, to assign to slots (teachers, admins).");
        group.MapGet("/bookings/me", ListMineAsync).RequireAuthorization(Policies.Student).WithName("ListMyBookings").WithSummary("The caller's bookings.");
        group.MapDelete("/bookings/{id}", CancelAsync).RequireAuthorization(Policies.Student).WithName("CancelBooking").WithSummary("Cancels a booking before its slot starts.");
        return group;
    }

    private static IStudentBookingsGrain BookingsOf(ClaimsPrincipal user, IGrainFactory grains) =>
        grains.GetGrain<IStudentBookingsGrain>(user.ToCaller().UserId);

    private static async Task<Created<BookingView>> BookAsync(string slotId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var booking = await BookingsOf(user, grains).BookAsync(user.ToCaller(), slotId);
        return TypedResults.Created($"/api/bookings/{booking.Id}", booking);
    }

    private static async Task<Ok<IReadOnlyList<SlotBookingView>>> ListSlotBookingsAsync(string slotId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamSlotGrain>(slotId).ListBookingsAsync(user.ToCaller()));

    private static async Task<NoContent> AssignProctorAsync(string slotId, AssignProctorRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var proctorId = string.IsNullOrEmpty(body.ProctorId) ? throw ProctorWiseException.Invalid("proctorId", "Required.") : ResourceIds.Require("proctorId", body.ProctorId);
        await grains.GetGrain<IExamSlotGrain>(slotId).AssignProctorAsync(user.ToCaller(), proctorId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ProctorSummary>>> ListSlotProctorsAsync(string slotId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IExamSlotGrain>(slotId).ListProctorsAsync(user.ToCaller());
        var users = await Task.WhenAll(ids.Select(id => grains.GetGrain<IUserGrain>(id).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<ProctorSummary>>([.. users.OfType<UserView>().Select(ProctorSummary.From)]);
    }

    private static async Task<NoContent> UnassignProctorAsync(string slotId, string proctorId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IExamSlotGrain>(slotId).UnassignProctorAsync(user.ToCaller(), proctorId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ProctorSummary>>> ListProctorsAsync(IGrainFactory grains)
    {
        var proctors = await grains.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default).ListAsync(UserRole.Proctor, new PageRequest(1, PageRequest.MaxPageSize * 50));
        return TypedResults.Ok<IReadOnlyList<ProctorSummary>>([.. proctors.Items.Where(u => u.IsActive).OrderBy(u => u.Name, StringComparer.CurrentCulture).Select(ProctorSummary.From)]);
    }

    private static async Task<Ok<IReadOnlyList<BookingView>>> ListMineAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await BookingsOf(user, grains).ListAsync(user.ToCaller()));

    private static async Task<Ok<BookingView>> CancelAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await BookingsOf(user, grains).CancelAsync(user.ToCaller(), id));
}
