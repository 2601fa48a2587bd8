using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Api.Features.Users;

/// <summary>An admin's change to an account.</summary>
/// <param name="Role">New role.</param>
/// <param name="IsActive">False deactivates the account and revokes its tokens.</param>
public sealed record UpdateUserRequest(UserRole? Role, bool? IsActive);
