using System.Collections.Concurrent;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>
/// The real engine, with faults and holds a test scripts per run key (<c>job/period</c>), and a count of the runs of
/// each key and of how many ran at once. Shared by every silo of the process, so each test uses periods of its own.
/// </summary>
public sealed class ScriptedAnalyticsEngine(IAnalyticsEngine inner) : IAnalyticsEngine
{
    private static readonly ConcurrentDictionary<string, int> s_failures = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, AnalyticsEngineException> s_engineFailures = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_holds = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> s_runs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> s_running = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> s_mostAtOnce = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="times"/> runs of <paramref name="key"/> fail.</summary>
    public static void Fail(string key, int times) => s_failures[key] = times;

    /// <summary>Every run of <paramref name="key"/> fails with <paramref name="error"/> (an engine-classified failure).</summary>
    public static void FailWith(string key, AnalyticsEngineException error) => s_engineFailures[key] = error;

    /// <summary>Runs of <paramref name="key"/> wait until the returned source is completed.</summary>
    public static TaskCompletionSource Hold(string key) =>
        s_holds.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Runs of <paramref name="key"/> begun so far.</summary>
    public static int Runs(string key) => s_runs.GetValueOrDefault(key);

    /// <summary>The most runs of <paramref name="key"/> that were under way at one time.</summary>
    public static int MostAtOnce(string key) => s_mostAtOnce.GetValueOrDefault(key);

    public async Task<AnalyticsRunResult> RunAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = AnalyticsRunView.KeyOf(request.Job, request.Period.Key);
        s_runs.AddOrUpdate(key, 1, (_, n) => n + 1);
        var now = s_running.AddOrUpdate(key, 1, (_, n) => n + 1);
        s_mostAtOnce.AddOrUpdate(key, now, (_, most) => Math.Max(most, now));
        try
        {
            if (s_holds.TryGetValue(key, out var hold))
            {
                await hold.Task.WaitAsync(cancellationToken);
            }

            if (s_engineFailures.TryGetValue(key, out var classified))
            {
                throw classified;
            }

            if (s_failures.TryGetValue(key, out var left) && left > 0)
            {
                s_failures[key] = left - 1;
                throw new IOException($"Test: the engine fails {key}.");
            }

            return await inner.RunAsync(request, cancellationToken);
        }
        finally
        {
            s_running.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    public Task<AnalyticsInputReport> CheckInputsAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default) =>
        inner.CheckInputsAsync(request, cancellationToken);

    public Task<AnalyticsPage?> ReadAsync(AnalyticsPageRequest request, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(request, cancellationToken);
}
