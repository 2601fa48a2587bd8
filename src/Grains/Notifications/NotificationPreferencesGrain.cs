using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Notifications;

/// <inheritdoc cref="INotificationPreferencesGrain"/>
public sealed class NotificationPreferencesGrain(
    [PersistentState(StateNames.NotificationPreferences, StorageNames.Default)] IPersistentState<NotificationPreferencesState> state)
    : Grain, INotificationPreferencesGrain
{
    public Task<IReadOnlyList<NotificationPreference>> GetAsync(Caller caller)
    {
        EnsureOwner(caller);
        return Task.FromResult(All());
    }

    public async Task<IReadOnlyList<NotificationPreference>> UpdateAsync(Caller caller, IReadOnlyList<NotificationPreference> preferences)
    {
        EnsureOwner(caller);
        ArgumentNullException.ThrowIfNull(preferences);
        for (var i = 0; i < preferences.Count; i++)
        {
            if (!Enum.IsDefined(preferences[i].Type))
            {
                throw ProctorWiseException.Invalid($"items[{i}].type", "Unknown notification type.");
            }
        }

        foreach (var update in preferences)
        {
            state.State.Chosen[update.Type] = update;
        }

        await state.WriteStateAsync();
        return All();
    }

    public Task<NotificationPreference> ChannelsOfAsync(NotificationType type) =>
        Task.FromResult(state.State.Chosen.TryGetValue(type, out var chosen) ? chosen : NotificationDefaults.Of(type));

    private IReadOnlyList<NotificationPreference> All() =>
        [.. Enum.GetValues<NotificationType>().Select(t => state.State.Chosen.TryGetValue(t, out var chosen) ? chosen : NotificationDefaults.Of(t))];

    private void EnsureOwner(Caller caller)
    {
        if (caller.UserId != this.GetPrimaryKeyString())
        {
            throw ProctorWiseException.Forbidden("Notification preferences are the user's own.");
        }
    }
}
