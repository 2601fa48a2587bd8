namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>The canonical form of an e-mail address, used as the key of the per-address grains.</summary>
public static class EmailAddress
{
    /// <summary>Trimmed and lower case: "  Ann@School.EDU " and "ann@school.edu" are one account.</summary>
    public static string Normalize(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();
}
