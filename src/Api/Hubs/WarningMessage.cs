namespace ProctorWise.Api.Hubs;

/// <summary>A proctor's warning.</summary>
/// <param name="Message">The text.</param>
/// <param name="At">When it was sent.</param>
public sealed record WarningMessage(string Message, DateTimeOffset At);
