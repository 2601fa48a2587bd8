namespace ProctorWise.Api.Features.Notifications;

/// <summary>Channels to set, for the types listed (the others keep theirs).</summary>
/// <param name="Items">The rows.</param>
public sealed record NotificationPreferencesRequest(IReadOnlyList<NotificationPreferenceRequest?>? Items);
