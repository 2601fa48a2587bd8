using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Api.Features.Notifications;

/// <summary>
/// The caller's own inbox and preferences (docs/notifications.md). Every route reaches only the caller's grains, so
/// another user's notification id is simply not found.
/// </summary>
public static class NotificationEndpoints
{
    /// <summary>Maps <c>/api/notifications</c>.</summary>
    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListNotifications").WithSummary("The caller's notifications, newest first, with the unread count.");
        group.MapPost("/{id}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("Marks one of the caller's notifications read.");
        group.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead").WithSummary("Marks all the caller's notifications read.");
        group.MapGet("/preferences", GetPreferencesAsync).WithName("GetNotificationPreferences").WithSummary("The caller's channels per notification type.");
        group.MapPut("/preferences", UpdatePreferencesAsync).WithName("UpdateNotificationPreferences").WithSummary("Sets the caller's channels of the types listed.");
        return group;
    }

    private static INotificationGrain InboxOf(ClaimsPrincipal user, IGrainFactory grains) =>
        grains.GetGrain<INotificationGrain>(user.ToCaller().UserId);

    private static async Task<Ok<NotificationPage>> ListAsync(int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await InboxOf(user, grains).ListAsync(user.ToCaller(), Paging.From(page, pageSize)));

    private static async Task<Ok<NotificationView>> MarkReadAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await InboxOf(user, grains).MarkReadAsync(user.ToCaller(), id));

    private static async Task<Ok<UnreadCount>> MarkAllReadAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await InboxOf(user, grains).MarkAllReadAsync(user.ToCaller()));

    private static async Task<Ok<NotificationPreferencesResponse>> GetPreferencesAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        return TypedResults.Ok(new NotificationPreferencesResponse(await grains.GetGrain<INotificationPreferencesGrain>(caller.UserId).GetAsync(caller)));
    }

    private static async Task<Ok<NotificationPreferencesResponse>> UpdatePreferencesAsync(NotificationPreferencesRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var items = body.Items ?? throw ProctorWiseException.Invalid("items", "Required.");
        var updates = new List<NotificationPreference>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw ProctorWiseException.Invalid($"items[{i}]", "Required.");
            var type = item.Type ?? throw ProctorWiseException.Invalid($"items[{i}].type", "Required.");
            if (updates.Exists(u => u.Type == type))
            {
                throw ProctorWiseException.Invalid($"items[{i}].type", "Listed twice.");
            }

            updates.Add(new NotificationPreference(
                type,
                item.InApp ?? throw ProctorWiseException.Invalid($"items[{i}].inApp", "Required."),
                item.Email ?? throw ProctorWiseException.Invalid($"items[{i}].email", "Required.")));
        }

        var caller = user.ToCaller();
        return TypedResults.Ok(new NotificationPreferencesResponse(await grains.GetGrain<INotificationPreferencesGrain>(caller.UserId).UpdateAsync(caller, updates)));
    }
}
