using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Api.Auth;

/// <summary>Role names as they appear in tokens and JSON.</summary>
public static class RoleNames
{
    /// <summary>The lower-case name of a role.</summary>
    public static string Of(UserRole role) => role switch
    {
        UserRole.Student => "student",
        UserRole.Teacher => "teacher",
        UserRole.Proctor => "proctor",
        UserRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Parses a lower-case role name.</summary>
    public static bool TryParse(string? name, out UserRole role)
    {
        foreach (var candidate in Enum.GetValues<UserRole>())
        {
            if (Of(candidate) == name)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
