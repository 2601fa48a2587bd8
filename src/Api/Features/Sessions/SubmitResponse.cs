namespace ProctorWise.Api.Features.Sessions;

/// <summary>The answer to a submission.</summary>
/// <param name="SubmissionId">The submission (the same on every repeat).</param>
public sealed record SubmitResponse(string SubmissionId);
