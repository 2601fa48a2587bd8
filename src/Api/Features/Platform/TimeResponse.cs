namespace ProctorWise.Api.Features.Platform;

/// <summary>The server's clock, which decides exam windows and deadlines.</summary>
/// <param name="Now">The server's current time (UTC).</param>
public sealed record TimeResponse(DateTimeOffset Now);
