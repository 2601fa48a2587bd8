using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// A session's answers (<see cref="SessionAnswersState"/>, a record of their own): autosaves, rate-limited and
/// ordered per question by the client's sequence, and the move of answers a former version kept in the session
/// record. The caller checks first that the session runs for this student.
/// </summary>
internal sealed class SessionAnswers(
    IPersistentState<SessionAnswersState> answers,
    IPersistentState<ExamSessionState> session,
    TimeProvider clock,
    Action seenNow)
{
    private RequestBudget _saves = null!;

    public SessionAnswersState State => answers.State;

    public int Count => answers.State.Answers.Count;

    public async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await AttachLegacyAsync(cancellationToken);
        _saves = RequestBudget.ForAnswers(clock.GetUtcNow());
    }

    /// <summary>Saves an answer unless a newer one (by sequence) is saved already; true when written.</summary>
    public async Task<bool> SaveAsync(SessionStart start, string questionId, AnswerValue answer, long sequence)
    {
        var question = start.Exam.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw ProctorWiseException.NotFound("Question");
        if (sequence < 0)
        {
            throw ProctorWiseException.Invalid("seq", "Must be zero or more.");
        }

        var canonical = AnswerRules.Check(question, answer);
        if (!_saves.TryTake(clock.GetUtcNow()))
        {
            throw new ProctorWiseException(ErrorKind.TooManyRequests, "Answers are saved too often; slow down.");
        }

        seenNow();
        if (answers.State.Answers.TryGetValue(questionId, out var saved) && saved.Sequence >= sequence)
        {
            return false;
        }

        answers.State.Answers[questionId] = new SavedAnswer { Answer = canonical, Sequence = sequence, SavedAt = clock.GetUtcNow() };
        await answers.WriteStateAsync();
        return true;
    }

    /// <summary>
    /// Moves the answers a former version kept inside the session record to the answers record
    /// (answers first, so a failure between the two writes leaves them in both places, never in neither).
    /// </summary>
    private async Task AttachLegacyAsync(CancellationToken cancellationToken)
    {
        if (session.State.LegacyAnswers.Count > 0)
        {
            foreach (var (questionId, saved) in session.State.LegacyAnswers)
            {
                answers.State.Answers.TryAdd(questionId, saved);
            }

            await answers.WriteStateAsync(cancellationToken);
            session.State.LegacyAnswers.Clear();
            await session.WriteStateAsync(cancellationToken);
        }
    }
}
