namespace ProctorWise.Api.Features.Proctoring;

/// <summary>A supervisor marks a session reviewed.</summary>
/// <param name="Note">What was reviewed or decided, plain text, at most 1000 characters.</param>
public sealed record ReviewRequest(string? Note);
