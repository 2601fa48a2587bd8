using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Notifications;

/// <inheritdoc cref="IAnomalyDigestGrain"/>
/// <remarks>
/// The window's end is a timer (a window lasts minutes, during an exam the grain is busy anyway). If the silo dies
/// meanwhile, what the window counted is kept in state and told with the next anomaly of the session.
/// </remarks>
public sealed class AnomalyDigestGrain(
    [PersistentState(StateNames.AnomalyDigest, StorageNames.Default)] IPersistentState<AnomalyDigestState> digest,
    IOptions<NotificationOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IAnomalyDigestGrain
{
    private IGrainTimer? _windowEnd;

    private AnomalyDigestState State => digest.State;

    public async Task RecordAsync(AnomalyOpened anomaly)
    {
        if (!State.Seen.Add(anomaly.AnomalyId))
        {
            return;
        }

        State.Pending++;
        State.Latest = anomaly;
        if (State.WindowEndsAt is { } end && clock.GetUtcNow() < end)
        {
            // Within the window: counted, told when it ends.
            await digest.WriteStateAsync();
            return;
        }

        await FlushAsync();
    }

    /// <summary>Tells the teacher what is pending and opens a new window; a window that ends with nothing pending closes.</summary>
    private async Task FlushAsync()
    {
        if (State.Pending == 0 || State.Latest is not { } latest)
        {
            State.WindowEndsAt = null;
            await digest.WriteStateAsync();
            return;
        }

        var count = State.Pending;
        State.Pending = 0;
        State.Sent++;
        var window = options.Value.AnomalyDigestWindow;
        State.WindowEndsAt = clock.GetUtcNow() + window;
        await digest.WriteStateAsync();

        var composer = new NotificationComposer(GrainFactory, options.Value.PublicBaseUrl);
        var title = await composer.ExamTitleAsync(latest.ExamId, latest.SlotId);
        var student = await composer.NameOfAsync(latest.StudentId);
        var sourceId = DerivedIds.Of("anomaly-digest", this.GetPrimaryKeyString(), State.Sent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await GrainFactory.GetGrain<INotificationGrain>(latest.TeacherId).AddAsync(composer.AnomalyDigest(sourceId, latest, count, title, student));

        _windowEnd?.Dispose();
        _windowEnd = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(window, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }
}
