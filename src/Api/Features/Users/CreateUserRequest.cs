using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Api.Features.Users;

/// <summary>An account created by an admin, with any role.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Password">At least 8 characters.</param>
/// <param name="Role">The role.</param>
public sealed record CreateUserRequest(string? Name, string? Email, string? Password, UserRole? Role);
