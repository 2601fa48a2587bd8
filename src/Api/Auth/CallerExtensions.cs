using System.Security.Claims;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Api.Auth;

/// <summary>Turns the verified token into the <see cref="Caller"/> grains check rights against.</summary>
public static class CallerExtensions
{
    /// <summary>The caller; only valid behind an authorization requirement.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimNames.Subject);
        var role = user.FindFirstValue(ClaimNames.Role);
        return id is not null && RoleNames.TryParse(role, out var parsed)
            ? new Caller(id, parsed)
            : throw new InvalidOperationException("The endpoint is not protected by authentication.");
    }
}
