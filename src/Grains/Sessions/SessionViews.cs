using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>Projections of a session's state: what callers see and what grading receives.</summary>
internal static class SessionViews
{
    /// <summary>The session with key-less questions in the student's order and the saved answers.</summary>
    public static SessionView Full(string id, ExamSessionState state, SessionAnswersState answers)
    {
        var start = state.Start!;
        var byId = start.Exam.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var questions = state.QuestionOrder.Select(qid => StudentQuestion.From(byId[qid])).ToList();
        return new SessionView(
            id, start.BookingId, start.SlotId, start.Exam.ExamId, start.Exam.Title, start.StudentId, start.StudentName,
            state.Status, state.StartedAt, start.Deadline, state.EndedAt, state.SubmissionRecorded ? state.SubmissionId : null,
            questions, Answers(answers), state.Proctoring.LastSignalSequence, state.EndReason);
    }

    /// <summary>What grading receives: the server's copy of the exam and the answers.</summary>
    public static SubmissionInput Submission(string id, ExamSessionState state, SessionAnswersState answers)
    {
        var start = state.Start!;
        return new SubmissionInput(id, start.StudentId, start.StudentName, state.Status, state.EndedAt!.Value, start.Exam, Answers(answers), start.SlotId);
    }

    private static List<SessionAnswer> Answers(SessionAnswersState answers) =>
        [.. answers.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new SessionAnswer(a.Key, a.Value.Answer, a.Value.Sequence))];
}
