namespace ProctorWise.Api.Features.Grading;

/// <summary>A teacher's grade for one question.</summary>
/// <param name="Score">0 to the question's points.</param>
/// <param name="Feedback">Optional feedback for the student.</param>
/// <param name="Reason">
/// Optional, for a result already published: why the grade changes, kept with the change record and shown to the
/// student (at most 1000 characters). Ignored before publication.
/// </param>
public sealed record GradeRequest(decimal? Score, string? Feedback, string? Reason = null);
