namespace ProctorWise.Api.Features.Proctoring;

/// <summary>A proctor's warning to a student.</summary>
/// <param name="Message">The text, at most 1000 characters.</param>
public sealed record MessageRequest(string? Message);
