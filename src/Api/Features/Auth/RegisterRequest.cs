namespace ProctorWise.Api.Features.Auth;

/// <summary>Self-registration (always creates a student).</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Password">At least 8 characters.</param>
public sealed record RegisterRequest(string? Name, string? Email, string? Password);
