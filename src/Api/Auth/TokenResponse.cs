using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Auth;

/// <summary>The login answer (docs/API.md §2: <c>{accessToken, expiresAt, user}</c>).</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="ExpiresAt">When it stops being accepted.</param>
/// <param name="User">The signed-in user.</param>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, UserView User);
