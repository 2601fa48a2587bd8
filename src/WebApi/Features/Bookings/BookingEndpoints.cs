using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.WebApi.Auth;

namespace ProctorWise.WebApi.Features.Bookings;

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
        var proctorId = string.IsNullOrWhiteSpace(body.ProctorId) ? throw ProctorWiseException.Invalid("proctorId", "Required.") : body.ProctorId;
        await grains.GetGrain<IExamSlotGrain>(slotId).AssignProctorAsync(user.ToCaller(), proctorId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<BookingView>>> ListMineAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await BookingsOf(user, grains).ListAsync(user.ToCaller()));

    private static async Task<Ok<BookingView>> CancelAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await BookingsOf(user, grains).CancelAsync(user.ToCaller(), id));
}
