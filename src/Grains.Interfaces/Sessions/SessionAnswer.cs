namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>The saved answer to one question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Answer">The answer.</param>
[GenerateSerializer, Immutable, Alias("pw.session-answer")]
public sealed record class SessionAnswer(string QuestionId, AnswerValue Answer);
