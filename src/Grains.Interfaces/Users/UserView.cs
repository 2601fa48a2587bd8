using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>A user as the API shows it: never a password or a hash.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address (login name).</param>
/// <param name="Role">The role.</param>
/// <param name="IsActive">False once an admin deactivated the account.</param>
/// <param name="CreatedAt">When the account was created (UTC).</param>
/// <param name="MustChangePassword">An administrator reset the password: the user must choose a new one before anything else.</param>
[GenerateSerializer, Immutable, Alias("pw.user-view")]
public sealed record class UserView(string Id, string Name, string Email, UserRole Role, bool IsActive, DateTimeOffset CreatedAt, bool MustChangePassword = false);
