using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Api.Features.Notifications;

/// <summary>The channels of one type.</summary>
/// <param name="Type">The type (snake_case, e.g. <c>exam_reminder</c>).</param>
/// <param name="InApp">Inbox and live push.</param>
/// <param name="Email">E-mail.</param>
public sealed record NotificationPreferenceRequest(NotificationType? Type, bool? InApp, bool? Email);
