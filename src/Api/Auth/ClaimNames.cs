namespace ProctorWise.Api.Auth;

/// <summary>The claims ProctorWise puts in its tokens.</summary>
public static class ClaimNames
{
    /// <summary>The user id.</summary>
    public const string Subject = "sub";

    /// <summary>The role (student, teacher, proctor, admin).</summary>
    public const string Role = "role";

    /// <summary>The display name.</summary>
    public const string Name = "name";

    /// <summary>The e-mail address.</summary>
    public const string Email = "email";

    /// <summary>The user's security stamp when the token was issued; a changed stamp revokes the token.</summary>
    public const string SecurityStamp = "pw_stamp";

    /// <summary>When the user signed in with their password (seconds since 1970, OpenID Connect's <c>auth_time</c>); refreshes keep it.</summary>
    public const string SignedInAt = "auth_time";

    /// <summary>Present ("true") while the password is a temporary one: <see cref="PasswordChangeGate"/> lets the token change it and nothing else.</summary>
    public const string MustChangePassword = "pw_pwd_change";
}
