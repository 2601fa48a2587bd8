namespace ProctorWise.Api.Features.Auth;

/// <summary>Credentials.</summary>
/// <param name="Email">E-mail address.</param>
/// <param name="Password">Password.</param>
public sealed record LoginRequest(string? Email, string? Password);
