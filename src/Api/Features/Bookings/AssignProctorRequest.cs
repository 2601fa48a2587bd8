namespace ProctorWise.Api.Features.Bookings;

/// <summary>A proctor to assign to a slot.</summary>
/// <param name="ProctorId">The proctor's user id.</param>
public sealed record AssignProctorRequest(string? ProctorId);
