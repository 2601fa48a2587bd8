namespace ProctorWise.Api.Hubs;

/// <summary>The session was ended by a proctor.</summary>
/// <param name="Reason">Why.</param>
public sealed record TerminatedMessage(string Reason);
