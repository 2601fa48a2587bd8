namespace ProctorWise.Lake.Tests.Version1;

/// <summary>An event as a first version had it (schema evolution test).</summary>
public sealed record class ProbeEvent(Guid EventId, DateTimeOffset OccurredAt, string ExamId);
