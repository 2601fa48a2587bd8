using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An administrator reactivated an account. Namespace <c>users</c>, key: UserId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="UserId">The user.</param>
/// <param name="Role">Its role.</param>
/// <param name="ChangedBy">The administrator.</param>
[GenerateSerializer, Immutable, Alias("pw.user-reactivated")]
public sealed record class UserReactivated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string UserId,
    UserRole Role,
    string ChangedBy)
    : DomainEvent(EventId, OccurredAt);
