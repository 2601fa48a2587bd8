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

    /// <summary>
    /// True when the caller is the teacher who owns an object. Ownership rights belong to the teacher
    /// role: a teacher demoted to another role keeps the id but loses the rights (issue 12).
    /// </summary>
    /// <param name="ownerId">The owner's user id recorded on the object.</param>
    public bool IsOwningTeacher(string ownerId) => Role == UserRole.Teacher && string.Equals(UserId, ownerId, StringComparison.Ordinal);

    /// <summary>
    /// True when the caller is a proctor listed among an object's assigned proctors. Like ownership,
    /// an assignment is a right of the proctor role only.
    /// </summary>
    /// <param name="proctorIds">The assigned proctors' ids.</param>
    public bool IsAssignedProctor(IReadOnlyCollection<string> proctorIds) => Role == UserRole.Proctor && proctorIds.Contains(UserId);

    /// <summary>The caller used by the platform itself (seeding, timers); never built from a request.</summary>
    public static Caller System { get; } = new("system", UserRole.Admin);
}
