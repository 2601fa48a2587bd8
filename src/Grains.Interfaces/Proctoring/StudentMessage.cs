namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>A message for the student of a session.</summary>
/// <param name="Kind">Which hub message.</param>
/// <param name="Text">The warning or the termination reason.</param>
/// <param name="At">When it was sent.</param>
/// <param name="Deadline">The new deadline, for <see cref="StudentMessageKind.DeadlineChanged"/>.</param>
[GenerateSerializer, Immutable, Alias("pw.student-message")]
public sealed record class StudentMessage(StudentMessageKind Kind, string? Text, DateTimeOffset At, DateTimeOffset? Deadline);
