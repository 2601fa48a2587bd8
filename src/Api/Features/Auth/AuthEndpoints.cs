using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Features.Auth;

/// <summary>Registration, login and token renewal.</summary>
public static class AuthEndpoints
{
    /// <summary>Maps <c>/api/auth</c>.</summary>
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Credentials)
            .WithName("Register").WithSummary("Creates a student account.");
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Credentials)
            .WithName("Login").WithSummary("Exchanges credentials for an access token.");
        group.MapPost("/refresh", RefreshAsync).RequireAuthorization()
            .WithName("RefreshToken").WithSummary("Issues a fresh token for a still-valid one.");
        return group;
    }

    private static async Task<Created<UserView>> RegisterAsync(RegisterRequest body, IGrainFactory grains)
    {
        var email = EmailAddress.Normalize(body.Email);
        var user = await grains.GetGrain<IUserEmailIndexGrain>(email.Length > 0 ? email : "-")
            .RegisterAsync(new NewUser(body.Name ?? string.Empty, body.Email ?? string.Empty, body.Password ?? string.Empty, UserRole.Student));
        return TypedResults.Created($"/api/users/{user.Id}", user);
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, IGrainFactory grains, TokenService tokens, HttpContext http)
    {
        var email = EmailAddress.Normalize(body.Email);
        if (email.Length == 0 || string.IsNullOrEmpty(body.Password))
        {
            return InvalidCredentials();
        }

        // Per account and client address: a stranger's wrong guesses must not lock a student out of an
        // exam from elsewhere; each address's guessing is further bounded by the per-address rate limiter.
        var throttle = grains.GetGrain<ILoginThrottleGrain>($"{email}|{http.Connection.RemoteIpAddress}");
        if (await throttle.GetLockoutAsync() is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many failed attempts.", detail: "Try again later.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var outcome = await grains.GetGrain<IUserEmailIndexGrain>(email).VerifyPasswordAsync(body.Password);
        if (outcome is null)
        {
            await throttle.RecordFailureAsync();
            return InvalidCredentials();
        }

        await throttle.RecordSuccessAsync();
        return TypedResults.Ok(tokens.Issue(outcome.User, outcome.SecurityStamp));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(ClaimsPrincipal principal, IGrainFactory grains, TokenService tokens)
    {
        // A renewal keeps the original sign-in time, so renewing cannot extend a sign-in past Jwt:SessionLifetime.
        if (TokenService.SignedInAt(principal) is not { } signedInAt || !tokens.CanRenew(signedInAt))
        {
            return TypedResults.Problem(title: "Your sign-in has expired.", detail: "Sign in again with your password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var caller = principal.ToCaller();
        var user = await grains.GetGrain<IUserGrain>(caller.UserId).GetAsync();
        var stamp = principal.FindFirstValue(ClaimNames.SecurityStamp);
        return user is null || stamp is null ? InvalidCredentials() : TypedResults.Ok(tokens.Issue(user, stamp, signedInAt));
    }

    /// <summary>One answer for unknown addresses, wrong passwords and inactive accounts.</summary>
    private static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem(title: "Invalid e-mail or password.", statusCode: StatusCodes.Status401Unauthorized);
}
