namespace ProctorWise.Api.Features.Proctoring;

/// <summary>Extra time for one student.</summary>
/// <param name="Minutes">1–240 minutes.</param>
public sealed record ExtendRequest(int? Minutes);
