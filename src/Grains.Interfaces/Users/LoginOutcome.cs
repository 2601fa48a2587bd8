namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>A successful password check: the user and the security stamp to put in the token.</summary>
/// <param name="User">The user.</param>
/// <param name="SecurityStamp">Changes whenever existing tokens must stop working (deactivation, role change).</param>
[GenerateSerializer, Immutable, Alias("pw.login-outcome")]
public sealed record class LoginOutcome(UserView User, string SecurityStamp);
