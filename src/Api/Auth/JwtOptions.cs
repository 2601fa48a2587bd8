namespace ProctorWise.Api.Auth;

/// <summary>Access-token settings (section <c>Jwt</c>).</summary>
public sealed class JwtOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Jwt";

    /// <summary>The smallest secret accepted: HS256 wants a key of at least 256 bits.</summary>
    public const int MinSecretLength = 32;

    /// <summary>The HMAC secret (<c>Jwt__Secret</c>). Required outside Development.</summary>
    public string? Secret { get; set; }

    /// <summary>The token issuer.</summary>
    public string Issuer { get; set; } = "proctorwise";

    /// <summary>The token audience.</summary>
    public string Audience { get; set; } = "proctorwise";

    /// <summary>How long a token is valid; clients renew with <c>POST /api/auth/refresh</c>.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The longest a sign-in lasts through refreshes, from the password sign-in; then the user signs in again
    /// (a stolen token cannot be renewed forever). A token never outlives it.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
