namespace ProctorWise.Lake.Tests.Version2;

/// <summary>The same event with a field appended, as docs/events.md allows.</summary>
public sealed record class ProbeEvent(Guid EventId, DateTimeOffset OccurredAt, string ExamId, int? Attempt);
