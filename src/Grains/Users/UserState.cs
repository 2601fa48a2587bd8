using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Users;

/// <summary>The persisted state of a <see cref="UserGrain"/>.</summary>
[GenerateSerializer, Alias("pw.user-state")]
public sealed class UserState
{
    /// <summary>The display name.</summary>
    [Id(0)] public string Name { get; set; } = string.Empty;

    /// <summary>The normalised e-mail address.</summary>
    [Id(1)] public string Email { get; set; } = string.Empty;

    /// <summary>The password hash (ASP.NET Core Identity v3 format).</summary>
    [Id(2)] public string PasswordHash { get; set; } = string.Empty;

    /// <summary>The role.</summary>
    [Id(3)] public UserRole Role { get; set; }

    /// <summary>False once deactivated.</summary>
    [Id(4)] public bool IsActive { get; set; }

    /// <summary>Changes when existing tokens must stop working.</summary>
    [Id(5)] public string SecurityStamp { get; set; } = string.Empty;

    /// <summary>Creation time.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Facts saved with the changes they record, until their stream took them (the outbox).</summary>
    [Id(7)] public List<PendingEvent> Outbox { get; set; } = [];

    /// <summary>The password is a temporary one an administrator set: it must be changed before anything else.</summary>
    [Id(8)] public bool MustChangePassword { get; set; }
}
