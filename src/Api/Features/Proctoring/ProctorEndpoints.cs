using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Features.Proctoring;

/// <summary>A proctor's rooms, room snapshots and alert inbox.</summary>
public static class ProctorEndpoints
{
    /// <summary>Maps <c>/api/proctor</c>.</summary>
    public static RouteGroupBuilder MapProctorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proctor").WithTags("Proctoring").RequireAuthorization(Policies.Proctor);
        group.MapGet("/rooms", ListRoomsAsync).WithName("ListRooms").WithSummary("Supervised rooms with live counts.");
        group.MapGet("/rooms/{slotId}", GetRoomAsync).WithName("GetRoom").WithSummary("A room's sessions with status, counters, risk and last seen.");
        group.MapGet("/alerts", ListAlertsAsync).WithName("ListAlerts").WithSummary("Recent alerts, newest first.");
        group.MapPost("/alerts/{alertId}/ack", AcknowledgeAsync).WithName("AcknowledgeAlert").WithSummary("Acknowledges an alert.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<RoomSummary>>> ListRoomsAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        var rooms = await grains.GetGrain<IProctorGrain>(caller.UserId).ListRoomsAsync(caller);
        var summaries = await Task.WhenAll(rooms.Select(id => grains.GetGrain<IRoomGrain>(id).GetSummaryAsync()));
        return TypedResults.Ok<IReadOnlyList<RoomSummary>>([.. summaries.OfType<RoomSummary>().OrderBy(r => r.Slot.StartsAt)]);
    }

    private static async Task<Ok<RoomSnapshot>> GetRoomAsync(string slotId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRoomGrain>(slotId).GetSnapshotAsync(user.ToCaller()));

    private static async Task<Ok<IReadOnlyList<ProctorAlert>>> ListAlertsAsync(bool? unacknowledged, int? limit, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        return TypedResults.Ok(await grains.GetGrain<IProctorGrain>(caller.UserId).GetAlertsAsync(caller, unacknowledged ?? false, limit ?? 100));
    }

    private static async Task<NoContent> AcknowledgeAsync(string alertId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        await grains.GetGrain<IProctorGrain>(caller.UserId).AcknowledgeAsync(caller, alertId);
        return TypedResults.NoContent();
    }
}
