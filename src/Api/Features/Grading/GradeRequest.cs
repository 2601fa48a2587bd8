namespace ProctorWise.Api.Features.Grading;

/// <summary>A teacher's grade for one question.</summary>
/// <param name="Score">0 to the question's points.</param>
/// <param name="Feedback">Optional feedback for the student.</param>
public sealed record GradeRequest(decimal? Score, string? Feedback);
