namespace ProctorWise.Grains.Interfaces.Security;

/// <summary>
/// The authenticated user on whose behalf a grain method runs. Grains check object-level rights
/// against it (ARCHITECTURE §8), so a missing check in a web handler cannot leak data.
/// </summary>
/// <param name="UserId">The user id from the verified token.</param>
/// <param name="Role">The role from the verified token.</param>
[GenerateSerializer, Immutable, Alias("pw.caller")]
public sealed record class Caller(string UserId, UserRole Role)
{
    /// <summary>True for administrators, who may act on every object.</summary>
    public bool IsAdmin => Role == UserRole.Admin;

    /// <summary>The caller used by the platform itself (seeding, timers); never built from a request.</summary>
    public static Caller System { get; } = new("system", UserRole.Admin);
}
