namespace ProctorWise.Grains.Interfaces.Security;

/// <summary>The four roles of the platform. Self-registration only ever creates <see cref="Student"/>.</summary>
[GenerateSerializer, Alias("pw.user-role")]
public enum UserRole
{
    /// <summary>Books slots and takes exams.</summary>
    Student = 0,

    /// <summary>Writes exams, opens slots and grades.</summary>
    Teacher = 1,

    /// <summary>Supervises rooms (slots) live.</summary>
    Proctor = 2,

    /// <summary>Manages users and reads analytics; may act on every exam.</summary>
    Admin = 3,
}
