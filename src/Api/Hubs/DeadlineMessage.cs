namespace ProctorWise.Api.Hubs;

/// <summary>The session's new deadline.</summary>
/// <param name="Deadline">The deadline.</param>
public sealed record DeadlineMessage(DateTimeOffset Deadline);
