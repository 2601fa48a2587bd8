using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ProctorWise.LoadGenerator.Api;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>
/// One proctor's dashboard: a SignalR connection to <c>/hubs/proctor</c> watching the room. It notes when
/// each session's <c>counters.tab_hidden</c> rises; alerts are only counted, since quick repeats of a
/// signal merge into one anomaly and so cannot time individual events.
/// </summary>
internal sealed class ProctorWatcher : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly List<Delivery> _deliveries = [];
    private readonly Lock _lock = new();
    private int _alerts;
    private int _sessionChanges;
    private int _disconnects;

    public ProctorWatcher(Uri baseUrl, Account proctor)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/proctor"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(proctor.Token))
            .Build();
        _connection.On<JsonElement>("sessionChanged", OnSessionChanged);
        _connection.On<JsonElement>("alert", _ => Interlocked.Increment(ref _alerts));
        _connection.Closed += _ =>
        {
            Interlocked.Increment(ref _disconnects);
            return Task.CompletedTask;
        };
    }

    public int Alerts => Volatile.Read(ref _alerts);

    public int SessionChanges => Volatile.Read(ref _sessionChanges);

    public int Disconnects => Volatile.Read(ref _disconnects);

    public IReadOnlyList<Delivery> Deliveries
    {
        get
        {
            lock (_lock)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Connects and watches the room; the snapshot sets the counters already known.</summary>
    public async Task WatchAsync(string slotId, CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await _connection.InvokeAsync<JsonElement>("WatchRoom", slotId, cancellationToken).ConfigureAwait(false);
        foreach (var session in snapshot.GetProperty("sessions").EnumerateArray())
        {
            Observe(session, arrivedAt: null);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);

    private void OnSessionChanged(JsonElement session)
    {
        // Taken first: the arrival time is the measurement, everything after it is bookkeeping.
        var arrivedAt = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _sessionChanges);
        Observe(session, arrivedAt);
    }

    private void Observe(JsonElement session, long? arrivedAt)
    {
        var sessionId = ApiClient.Text(session, "sessionId");
        var count = TabHiddenCount(session);
        lock (_lock)
        {
            var seen = _seen.GetValueOrDefault(sessionId);
            if (count <= seen)
            {
                return;
            }

            _seen[sessionId] = count;

            // A batch carries only a session's latest state, so one message may complete several events.
            for (var number = seen + 1; arrivedAt is { } at && number <= count; number++)
            {
                _deliveries.Add(new Delivery(sessionId, number, at));
            }
        }
    }

    /// <summary>The tab_hidden counter, whatever the enum key's spelling (tab_hidden or TabHidden).</summary>
    private static int TabHiddenCount(JsonElement session)
    {
        if (!session.TryGetProperty("counters", out var counters) || counters.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        foreach (var counter in counters.EnumerateObject())
        {
            if (string.Equals(counter.Name.Replace("_", string.Empty, StringComparison.Ordinal), "tabhidden", StringComparison.OrdinalIgnoreCase))
            {
                return counter.Value.GetInt32();
            }
        }

        return 0;
    }
}
