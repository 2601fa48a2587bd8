using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>What a session is started with (by the student's bookings grain).</summary>
/// <param name="BookingId">The booking this attempt belongs to.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="SlotId">The slot (room).</param>
/// <param name="Deadline">The server-side deadline (the slot's end).</param>
/// <param name="Exam">The exam with its keys, as it was when the session started.</param>
[GenerateSerializer, Immutable, Alias("pw.session-start")]
public sealed record class SessionStart(
    string BookingId,
    string StudentId,
    string StudentName,
    string SlotId,
    DateTimeOffset Deadline,
    ExamDefinition Exam);
