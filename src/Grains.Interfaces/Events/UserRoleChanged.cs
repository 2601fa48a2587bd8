using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An administrator changed a user's role. Namespace <c>users</c>, key: UserId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="UserId">The user.</param>
/// <param name="PreviousRole">The role before.</param>
/// <param name="Role">The role now.</param>
/// <param name="ChangedBy">The administrator.</param>
[GenerateSerializer, Immutable, Alias("pw.user-role-changed")]
public sealed record class UserRoleChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string UserId,
    UserRole PreviousRole,
    UserRole Role,
    string ChangedBy)
    : DomainEvent(EventId, OccurredAt);
