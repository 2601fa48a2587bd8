namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>A password an administrator reset: the user, and the temporary password, shown this once.</summary>
/// <param name="User">The user (<c>mustChangePassword</c> is true).</param>
/// <param name="TemporaryPassword">The temporary password; it is not stored anywhere in clear and cannot be shown again.</param>
[GenerateSerializer, Immutable, Alias("pw.password-reset")]
public sealed record class PasswordReset(UserView User, string TemporaryPassword);
