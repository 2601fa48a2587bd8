using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Api.Features.Notifications;

/// <summary>Every notification type with the caller's channels.</summary>
/// <param name="Items">One row per type.</param>
public sealed record NotificationPreferencesResponse(IReadOnlyList<NotificationPreference> Items);
