namespace ProctorWise.Api.Features.Exams;

/// <summary>A slot to open.</summary>
/// <param name="StartsAt">Start of the window, in the future (ISO-8601).</param>
/// <param name="Capacity">Seats, 1–10000.</param>
public sealed record SlotRequest(DateTimeOffset? StartsAt, int? Capacity);
