using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>The list of all users for administration (singleton, key <c>default</c>).</summary>
[Alias("pw.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes a user's entry.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(UserView user);

    /// <summary>Users ordered by creation, optionally of one role.</summary>
    [Alias("List")]
    Task<PagedResult<UserView>> ListAsync(UserRole? role, PageRequest page);

    /// <summary>Users ordered by creation, optionally of one role, whose name or e-mail contains <paramref name="search"/> (any case).</summary>
    [Alias("Search")]
    Task<PagedResult<UserView>> SearchAsync(UserRole? role, string? search, PageRequest page);

    /// <summary>The number of users.</summary>
    [Alias("Count")]
    Task<int> CountAsync();
}
