using System.Text.Json.Serialization;

namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>The saved answer to one question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Sequence">
/// The sequence number of the write that saved it (JSON <c>seq</c>): a page that reloads continues above it,
/// since writes with a number not above it are ignored.
/// </param>
[GenerateSerializer, Immutable, Alias("pw.session-answer")]
public sealed record class SessionAnswer(string QuestionId, AnswerValue Answer, [property: JsonPropertyName("seq")] long Sequence = 0);
