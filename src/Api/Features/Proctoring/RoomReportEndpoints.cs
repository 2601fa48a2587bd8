using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Features.Proctoring;

/// <summary>The room report after a slot (issue 15): each student's anomalies, risk over time and the actions taken.</summary>
public static class RoomReportEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/proctor/rooms/{slotId}/report</c>. Outside the proctor group's policy because the exam's owner
    /// may read it too (like the anomalies); the room grain lets in only the slot's proctors, the owner and admins.
    /// </summary>
    public static RouteHandlerBuilder MapRoomReportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/proctor/rooms/{slotId}/report", GetReportAsync)
            .WithTags("Proctoring")
            .RequireAuthorization()
            .WithName("GetRoomReport")
            .WithSummary("A room's report: per student, the anomalies, risk over time and the actions taken (slot's proctors, exam owner, admins).");

    private static async Task<Ok<RoomReport>> GetReportAsync(string slotId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRoomGrain>(slotId).GetReportAsync(user.ToCaller()));
}
