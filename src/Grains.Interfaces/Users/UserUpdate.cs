using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>An admin's change to an account; null members are left as they are.</summary>
/// <param name="Role">The new role.</param>
/// <param name="IsActive">False deactivates the account and revokes its tokens.</param>
[GenerateSerializer, Immutable, Alias("pw.user-update")]
public sealed record class UserUpdate(UserRole? Role, bool? IsActive);
