using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An account was created. Namespace <c>users</c>, key: UserId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="UserId">The user.</param>
/// <param name="Role">Its role.</param>
/// <param name="RegisteredAt">When.</param>
[GenerateSerializer, Immutable, Alias("pw.user-registered")]
public sealed record class UserRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string UserId,
    UserRole Role,
    DateTimeOffset RegisteredAt)
    : DomainEvent(EventId, OccurredAt);
