using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Notifications;

/// <inheritdoc cref="INotificationMailGrain"/>
/// <remarks>
/// A timer makes the quick retries; a reminder (period <see cref="NotificationOptions.MailRetryCheckInterval"/>) is
/// the durable back-stop that resumes them on another silo after a crash. Both stop once the mail is sent or failed.
/// </remarks>
public sealed partial class NotificationMailGrain(
    [PersistentState(StateNames.NotificationMail, StorageNames.Default)] IPersistentState<NotificationMailState> mail,
    IMailSender sender,
    IOptions<NotificationOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<NotificationMailGrain> logger) : Grain, INotificationMailGrain, IRemindable
{
    private const string RetryReminder = "mail-retry";
    private IGrainTimer? _timer;

    private NotificationMailState State => mail.State;

    public async Task SendAsync(MailMessage message)
    {
        if (State.Message is not null)
        {
            return;
        }

        State.Message = message;
        State.Status = DeliveryStatus.Pending;
        State.UpdatedAt = State.NextAttemptAt = clock.GetUtcNow();
        await mail.WriteStateAsync();
        await this.RegisterOrUpdateReminder(RetryReminder, options.Value.MailRetryCheckInterval, options.Value.MailRetryCheckInterval);

        // The first attempt runs after this call returns: the inbox that asked must not wait for an SMTP server.
        Schedule(TimeSpan.Zero);
    }

    public Task<DeliveryView?> GetAsync() =>
        Task.FromResult(State.Message is null ? null : new DeliveryView(NotificationChannel.Email, State.Status, State.Attempts, State.Error, State.UpdatedAt));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Message is null || State.Status != DeliveryStatus.Pending)
        {
            await StopRemindingAsync();
        }
        else if (clock.GetUtcNow() >= State.NextAttemptAt)
        {
            await AttemptAsync();
        }
    }

    private async Task AttemptAsync()
    {
        if (State.Message is not { } message || State.Status != DeliveryStatus.Pending)
        {
            return;
        }

        State.Attempts++;
        try
        {
            await sender.SendAsync(message, CancellationToken.None);
            State.Status = DeliveryStatus.Sent;
            State.Error = null;
        }
        catch (MailDeliveryException e)
        {
            State.Error = e.Message;
            LogAttemptFailed(logger, this.GetPrimaryKeyString(), State.Attempts, e.Message);
            if (State.Attempts >= options.Value.MailMaxAttempts)
            {
                State.Status = DeliveryStatus.Failed;
            }
            else
            {
                var delay = BackOff(State.Attempts);
                State.NextAttemptAt = clock.GetUtcNow() + delay;
                Schedule(delay);
            }
        }

        State.UpdatedAt = clock.GetUtcNow();
        await mail.WriteStateAsync();
        var (userId, notificationId) = NotificationMailKeys.Parse(this.GetPrimaryKeyString());
        var view = new DeliveryView(NotificationChannel.Email, State.Status, State.Attempts, State.Error, State.UpdatedAt);
        await GrainFactory.GetGrain<INotificationGrain>(userId).RecordDeliveryAsync(notificationId, view);
        if (State.Status != DeliveryStatus.Pending)
        {
            await StopRemindingAsync();
        }
    }

    private void Schedule(TimeSpan delay)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(AttemptAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>The delay after <paramref name="failures"/> failed attempts: the first delay, doubled each time, capped.</summary>
    internal TimeSpan BackOff(int failures)
    {
        var first = options.Value.MailRetryDelay;
        var cap = options.Value.MailMaxRetryDelay;
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        return first.TotalMilliseconds * factor >= cap.TotalMilliseconds ? cap : first * factor;
    }

    private async Task StopRemindingAsync()
    {
        if (await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Key} attempt {Attempt} failed: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string key, int attempt, string error);
}
