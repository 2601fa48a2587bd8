using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Setup;

/// <summary>The demo accounts (README "Demo accounts"): one per role.</summary>
public static class DemoAccounts
{
    /// <summary>Name, e-mail and role of each demo account.</summary>
    public static IReadOnlyList<(string Name, string Email, UserRole Role)> All { get; } =
    [
        ("Ada Admin", "admin@proctorwise.test", UserRole.Admin),
        ("Tess Teacher", "teacher@proctorwise.test", UserRole.Teacher),
        ("Paul Proctor", "proctor@proctorwise.test", UserRole.Proctor),
        ("Sam Student", "student@proctorwise.test", UserRole.Student),
    ];
}
