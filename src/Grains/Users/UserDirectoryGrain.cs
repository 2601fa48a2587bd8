using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Users;

/// <inheritdoc cref="IUserDirectoryGrain"/>
/// <remarks>
/// One grain holds every user's summary: a school has thousands of accounts, not millions, and the
/// admin list is read rarely. Past that size it would be split by role or by key prefix.
/// </remarks>
public sealed class UserDirectoryGrain(
    [PersistentState(StateNames.UserDirectory, StorageNames.Default)] IPersistentState<UserDirectoryState> directory)
    : Grain, IUserDirectoryGrain
{
    public async Task UpsertAsync(UserView user)
    {
        if (directory.State.Users.TryGetValue(user.Id, out var known) && known == user)
        {
            return;
        }

        directory.State.Users[user.Id] = user;
        await directory.WriteStateAsync();
    }

    public Task<PagedResult<UserView>> ListAsync(UserRole? role, PageRequest page) => SearchAsync(role, null, page);

    public Task<PagedResult<UserView>> SearchAsync(UserRole? role, string? search, PageRequest page)
    {
        var text = search?.Trim();
        var users = directory.State.Users.Values
            .Where(u => role is null || u.Role == role)
            .Where(u => string.IsNullOrEmpty(text)
                || u.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || u.Email.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.CreatedAt)
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(page.Apply(users));
    }

    public Task<int> CountAsync() => Task.FromResult(directory.State.Users.Count);
}
