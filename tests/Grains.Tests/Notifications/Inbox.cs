using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Notifications;

/// <summary>Reads a user's inbox and waits for what should arrive there.</summary>
internal sealed class Inbox(IGrainFactory grains, Caller user)
{
    public async Task<IReadOnlyList<NotificationView>> AllAsync() =>
        (await grains.GetGrain<INotificationGrain>(user.UserId).ListAsync(user, new PageRequest(1, PageRequest.MaxPageSize))).Items;

    public async Task<string> EmailAsync() => (await grains.GetGrain<IUserGrain>(user.UserId).GetAsync())!.Email;

    /// <summary>Waits for a notification that matches and returns it.</summary>
    public async Task<NotificationView> WaitForAsync(Func<NotificationView, bool> match, string awaited)
    {
        var all = await Eventually.UntilAsync(AllAsync, items => items.Any(match), awaited, describe: Describe);
        return all.First(match);
    }

    /// <summary>Waits until the e-mail delivery of a notification satisfies <paramref name="done"/>.</summary>
    public async Task<DeliveryView> WaitForEmailAsync(string notificationId, Func<DeliveryView, bool> done, string awaited)
    {
        var items = await Eventually.UntilAsync(
            AllAsync,
            items => items.FirstOrDefault(n => n.Id == notificationId)?.Deliveries.FirstOrDefault(d => d.Channel == NotificationChannel.Email) is { } d && done(d),
            awaited,
            describe: Describe);
        return items.First(n => n.Id == notificationId).Deliveries.First(d => d.Channel == NotificationChannel.Email);
    }

    private static string Describe(IReadOnlyList<NotificationView> items) =>
        string.Join("; ", items.Select(n => $"{n.Type} '{n.Title}' [{string.Join(", ", n.Deliveries.Select(d => $"{d.Channel}:{d.Status}x{d.Attempts} {d.Error}"))}]"));
}
