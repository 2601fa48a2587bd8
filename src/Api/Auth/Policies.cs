namespace ProctorWise.Api.Auth;

/// <summary>Authorization policy names (roles; admins pass every staff policy).</summary>
public static class Policies
{
    /// <summary>Students only.</summary>
    public const string Student = "student";

    /// <summary>Teachers and admins.</summary>
    public const string Teacher = "teacher";

    /// <summary>Proctors and admins.</summary>
    public const string Proctor = "proctor";

    /// <summary>Admins only.</summary>
    public const string Admin = "admin";
}
