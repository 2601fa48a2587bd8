namespace ProctorWise.Api.Features.Proctoring;

/// <summary>A proctor ends a session.</summary>
/// <param name="Reason">Why (shown to the student), at most 1000 characters.</param>
public sealed record TerminateRequest(string? Reason);
