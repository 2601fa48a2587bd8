namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>A proctor's mark that a session was reviewed, with a note for the other supervisors.</summary>
/// <param name="Note">The note (required, plain text, at most 1000 characters).</param>
/// <param name="ReviewedBy">The proctor or admin who marked it.</param>
/// <param name="ReviewedAt">When (server time).</param>
[GenerateSerializer, Immutable, Alias("pw.session-review")]
public sealed record class SessionReview(string Note, string ReviewedBy, DateTimeOffset ReviewedAt);
