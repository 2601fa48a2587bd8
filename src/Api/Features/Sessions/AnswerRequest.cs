using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Api.Features.Sessions;

/// <summary>An autosaved answer.</summary>
/// <param name="Answer">Option indexes (array) or text (string).</param>
/// <param name="Seq">The client's increasing sequence number; stale writes are ignored.</param>
public sealed record AnswerRequest(AnswerValue? Answer, long? Seq);
