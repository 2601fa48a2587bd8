namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>One thing a supervisor did to a session.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="At">When (server time); null only for an acknowledgement made before acknowledgement times were kept.</param>
/// <param name="By">The user id of the proctor, admin or teacher who did it; null for a termination recorded before authors were kept.</param>
/// <param name="Text">The message, reason or note.</param>
/// <param name="ByName">The name of <paramref name="By"/>, filled in by the room report; null where the account is gone.</param>
[GenerateSerializer, Immutable, Alias("pw.supervisor-action")]
public sealed record class SupervisorAction(SupervisorActionKind Kind, DateTimeOffset? At, string? By, string Text, string? ByName = null);
