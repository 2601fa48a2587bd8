using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>What a session hands to grading when it ends: the answers and the server's key.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="SessionStatus">How the attempt ended.</param>
/// <param name="SubmittedAt">When it ended.</param>
/// <param name="Exam">The exam with its keys, as delivered to this student.</param>
/// <param name="Answers">The saved answers.</param>
/// <param name="SlotId">The slot (room) of the session; null in inputs recorded before it was carried.</param>
[GenerateSerializer, Immutable, Alias("pw.submission-input")]
public sealed record class SubmissionInput(
    string SessionId,
    string StudentId,
    string StudentName,
    SessionStatus SessionStatus,
    DateTimeOffset SubmittedAt,
    ExamDefinition Exam,
    IReadOnlyList<SessionAnswer> Answers,
    string? SlotId = null);
