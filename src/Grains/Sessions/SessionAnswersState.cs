namespace ProctorWise.Grains.Sessions;

/// <summary>
/// A session's answers, stored apart from the rest of the session (<see cref="ExamSessionState"/>): an
/// autosave writes this record only, and the proctoring updates of every frame never rewrite the essays.
/// </summary>
[GenerateSerializer, Alias("pw.session-answers-state")]
public sealed class SessionAnswersState
{
    /// <summary>Answers by question id.</summary>
    [Id(0)] public Dictionary<string, SavedAnswer> Answers { get; set; } = new(StringComparer.Ordinal);
}
