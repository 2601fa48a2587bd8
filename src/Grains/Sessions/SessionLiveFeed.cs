using Orleans.Streams;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// The session as its room sees it: alerts and the live view on the room's stream (namespace <c>alerts</c>,
/// key = slot id). Snapshots for dashboards, not facts: a lost one is replaced by the next.
/// </summary>
internal sealed class SessionLiveFeed(Func<IAsyncStream<RoomEvent>> room, TimeProvider clock)
{
    /// <summary>A room hears from a quiet session at least this often (its "last seen").</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    private SessionLiveView? _lastPublished;
    private DateTimeOffset _lastPublishedAt;

    /// <summary>When the student's browser was last heard from (in memory: a reactivation forgets it).</summary>
    public DateTimeOffset? LastSeenAt { get; private set; }

    public void SeenNow() => LastSeenAt = clock.GetUtcNow();

    public Task AlertAsync(ProctorAlert alert) => room().OnNextAsync(new AlertRaised(Guid.NewGuid(), clock.GetUtcNow(), alert));

    /// <summary>Publishes the live view when it changed, when forced, or as a heartbeat.</summary>
    public async Task PublishAsync(SessionLiveView live, bool force)
    {
        var now = clock.GetUtcNow();
        var changed = _lastPublished is not { } last
            || last.Status != live.Status || last.RiskScore != live.RiskScore || last.Deadline != live.Deadline
            || last.OpenAnomalies != live.OpenAnomalies || !last.Counters.SequenceEqual(live.Counters)
            || last.Answered != live.Answered || last.Review != live.Review;
        if (force || changed || now - _lastPublishedAt >= Heartbeat)
        {
            _lastPublished = live;
            _lastPublishedAt = now;
            await room().OnNextAsync(new SessionChanged(Guid.NewGuid(), now, live));
        }
    }
}
