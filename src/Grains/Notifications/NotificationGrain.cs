using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Proctoring;

namespace ProctorWise.Grains.Notifications;

/// <inheritdoc cref="INotificationGrain"/>
/// <remarks>
/// The entry is written before anything is sent, so a crash between the two loses a push (the inbox still has it)
/// but never sends twice; the e-mail grain is itself idempotent per notification.
/// </remarks>
public sealed class NotificationGrain(
    [PersistentState(StateNames.Notifications, StorageNames.Default)] IPersistentState<NotificationState> inbox,
    IOptions<NotificationOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, INotificationGrain
{
    private HubFanout? _hubs;

    private string UserId => this.GetPrimaryKeyString();

    private List<NotificationEntry> Entries => inbox.State.Entries;

    public async Task<bool> AddAsync(NewNotification notification)
    {
        if (inbox.State.Sources.Contains(notification.SourceId))
        {
            return false;
        }

        var channels = await GrainFactory.GetGrain<INotificationPreferencesGrain>(UserId).ChannelsOfAsync(notification.Type);
        var user = await GrainFactory.GetGrain<IUserGrain>(UserId).GetAsync();
        var email = channels.Email && user is { IsActive: true };
        inbox.State.Remember(notification.SourceId, options.Value.InboxLimit);
        if (!channels.InApp && !email)
        {
            await inbox.WriteStateAsync();
            return true;
        }

        var entry = NotificationEntry.Create(notification, channels.InApp, email, clock.GetUtcNow());
        inbox.State.Append(entry, options.Value.InboxLimit);
        await inbox.WriteStateAsync();

        if (channels.InApp)
        {
            await PushAsync(entry.View());
        }

        if (email)
        {
            var message = new MailMessage(user!.Email, user.Name, notification.Title, notification.Text, notification.Html, entry.Id);
            await GrainFactory.GetGrain<INotificationMailGrain>(NotificationMailKeys.Of(UserId, entry.Id)).SendAsync(message);
        }

        return true;
    }

    public Task<NotificationPage> ListAsync(Caller caller, PageRequest page)
    {
        EnsureOwner(caller);
        var newestFirst = Entries.AsEnumerable().Reverse().Select(e => e.View()).ToList();
        var cut = page.Apply(newestFirst);
        return Task.FromResult(new NotificationPage(cut.Items, cut.Page, cut.PageSize, cut.Total, inbox.State.Unread));
    }

    public async Task<NotificationView> MarkReadAsync(Caller caller, string notificationId)
    {
        EnsureOwner(caller);
        var entry = Entries.Find(e => e.Id == notificationId) ?? throw ProctorWiseException.NotFound("Notification");
        if (entry.ReadAt is null)
        {
            entry.ReadAt = clock.GetUtcNow();
            await inbox.WriteStateAsync();
            await PushAsync(null);
        }

        return entry.View();
    }

    public async Task<UnreadCount> MarkAllReadAsync(Caller caller)
    {
        EnsureOwner(caller);
        var now = clock.GetUtcNow();
        var unread = Entries.Where(e => e.ReadAt is null).ToList();
        if (unread.Count > 0)
        {
            unread.ForEach(e => e.ReadAt = now);
            await inbox.WriteStateAsync();
            await PushAsync(null);
        }

        return new UnreadCount(0);
    }

    public async Task RecordDeliveryAsync(string notificationId, DeliveryView delivery)
    {
        if (Entries.Find(e => e.Id == notificationId) is { } entry)
        {
            entry.Deliveries[delivery.Channel] = delivery;
            await inbox.WriteStateAsync();
        }
    }

    private Task PushAsync(NotificationView? notification)
    {
        _hubs ??= new HubFanout(GrainFactory, clock);
        var unread = new UnreadCount(inbox.State.Unread);
        return _hubs.SendAsync(o => o.OnNotificationAsync(UserId, notification, unread));
    }

    // Only the user reads or marks their inbox; administrators included (it is private mail).
    private void EnsureOwner(Caller caller)
    {
        if (caller.UserId != UserId)
        {
            throw ProctorWiseException.NotFound("Notification");
        }
    }
}
