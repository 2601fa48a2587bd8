using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>An account to create. The password is hashed by the user grain and never stored.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="Password">The clear-text password, at least 8 characters.</param>
/// <param name="Role">The role; self-registration always passes <see cref="UserRole.Student"/>.</param>
/// <param name="MustChangePassword">The password is a temporary one (an import gave it): it must be changed at the first sign-in.</param>
[GenerateSerializer, Immutable, Alias("pw.new-user")]
public sealed record class NewUser(string Name, string Email, string Password, UserRole Role, bool MustChangePassword = false)
{
    /// <inheritdoc/>
    public override string ToString() => $"NewUser {{ Name = {Name}, Email = {Email}, Role = {Role} }}";
}
