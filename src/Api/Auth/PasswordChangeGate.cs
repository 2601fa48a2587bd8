namespace ProctorWise.Api.Auth;

/// <summary>
/// A token issued for a temporary password (an administrator's reset, an import) may read its own profile, renew itself
/// and change the password, nothing else: every other API, hub and dashboard request gets a 403 problem whose
/// <c>type</c> the web client recognises to open the change-password page.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    /// <summary>The problem type of the refusal.</summary>
    public const string ProblemType = "https://proctorwise.dev/problems/password-change-required";

    private static readonly (string Method, string Path)[] s_allowed =
    [
        (HttpMethods.Get, "/api/users/me"),
        (HttpMethods.Post, "/api/users/me/password"),
        (HttpMethods.Post, "/api/auth/refresh"),
    ];

    /// <summary>Runs the gate.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var gated = context.User.HasClaim(ClaimNames.MustChangePassword, "true")
            && !s_allowed.Any(a => HttpMethods.Equals(a.Method, request.Method) && request.Path.Equals(a.Path, StringComparison.OrdinalIgnoreCase));
        return gated
            ? TypedResults.Problem(
                title: "Change your temporary password first.",
                detail: "An administrator set a temporary password for this account; choose your own before anything else.",
                statusCode: StatusCodes.Status403Forbidden,
                type: ProblemType).ExecuteAsync(context)
            : next(context);
    }
}
