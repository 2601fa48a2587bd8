using System.Text.Json.Serialization;

namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>
/// A session as one caller may see it. Questions never carry keys; <see cref="Questions"/> and
/// <see cref="Answers"/> are set for the student and for the exam's staff.
/// </summary>
/// <param name="Id">The session id.</param>
/// <param name="BookingId">The booking.</param>
/// <param name="SlotId">The slot (room).</param>
/// <param name="ExamId">The exam.</param>
/// <param name="ExamTitle">The exam's title.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="Status">The status.</param>
/// <param name="StartedAt">When the attempt started.</param>
/// <param name="Deadline">The server-side deadline.</param>
/// <param name="EndedAt">When it ended, if it did.</param>
/// <param name="SubmissionId">The submission, once ended.</param>
/// <param name="Questions">The questions in this student's order.</param>
/// <param name="Answers">The saved answers.</param>
/// <param name="EventSequence">The last browser-signal sequence number applied (JSON <c>eventSeq</c>); signals must go above it.</param>
/// <param name="EndReason">Why a proctor ended the session, when one did.</param>
[GenerateSerializer, Immutable, Alias("pw.session-view")]
public sealed record class SessionView(
    string Id,
    string BookingId,
    string SlotId,
    string ExamId,
    string ExamTitle,
    string StudentId,
    string StudentName,
    SessionStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? EndedAt,
    string? SubmissionId,
    IReadOnlyList<StudentQuestion>? Questions,
    IReadOnlyList<SessionAnswer>? Answers,
    [property: JsonPropertyName("eventSeq")] long EventSequence = -1,
    string? EndReason = null);
