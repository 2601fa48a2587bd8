using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>
/// One student's attempt (key: session id): status, server-side deadline and answers. It enforces the
/// deadline itself (timer while active, reminder for durability) and submits automatically.
/// </summary>
[Alias("pw.IExamSessionGrain")]
public interface IExamSessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the attempt (called once by the bookings grain); repeating it returns the session.</summary>
    [Alias("Start")]
    Task<SessionView> StartAsync(SessionStart start);

    /// <summary>The session as the caller may see it (student, exam owner, proctor of the slot, admin).</summary>
    [Alias("Get")]
    Task<SessionView> GetAsync(Caller caller);

    /// <summary>Like <see cref="GetAsync"/>, but null (not 404) when the session was never started.</summary>
    [Alias("TryGetStarted")]
    Task<SessionView?> TryGetStartedAsync(Caller caller);

    /// <summary>
    /// Saves an answer (the student only). A write whose <paramref name="sequence"/> is not newer than the
    /// last applied one for that question is ignored (returns false); 409 after submit or deadline.
    /// </summary>
    [Alias("SaveAnswer")]
    Task<bool> SaveAnswerAsync(Caller caller, string questionId, AnswerValue answer, long sequence);

    /// <summary>Submits (the student only). Idempotent: returns the same submission id every time.</summary>
    [Alias("Submit")]
    Task<string> SubmitAsync(Caller caller);
}
