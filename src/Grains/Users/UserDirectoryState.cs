using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Users;

/// <summary>The persisted list of users.</summary>
[GenerateSerializer, Alias("pw.user-directory-state")]
public sealed class UserDirectoryState
{
    /// <summary>Users by id.</summary>
    [Id(0)] public Dictionary<string, UserView> Users { get; set; } = new(StringComparer.Ordinal);
}
