using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using ProctorWise.LoadGenerator.Api;
using ProctorWise.LoadGenerator.Frames;
using ProctorWise.LoadGenerator.Metrics;
using ProctorWise.LoadGenerator.Reporting;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>A whole run: readiness check, frames, accounts, the stages in order, the report.</summary>
internal sealed class LoadRun(LoadOptions options, IReadOnlyList<string> args)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            // Every student is a browser of its own: no cap on connections to the one server.
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        var clients = options.Hosts.Select(u => new HttpClient(handler, disposeHandler: false) { BaseAddress = u, Timeout = TimeSpan.FromSeconds(30) }).ToList();
        using var disposeClients = new ClientsDisposer(clients);
        var apis = clients.Select(c => new ApiClient(c)).ToList();
        var api = apis[0];

        await api.SendAsync(HttpMethod.Get, "/health/ready", null, null, cancellationToken).ConfigureAwait(false);
        var kind = options.FrameKind ?? (File.Exists(options.PhotoPath) ? FrameKind.Photo : FrameKind.Blob);
        var frames = FrameFactory.Create(kind, options.PhotoPath);
        ConsoleLog.Info($"{options.Url} is ready; frames: {kind}, {FrameFactory.Width}×{FrameFactory.Height}, {frames.Average(f => f.Length) / 1024:F1} KB each");

        var largest = options.Stages.Max();
        ConsoleLog.Info($"Creating 1 teacher, {options.Proctors} proctors and {largest} students ({options.SetupParallelism} at a time)…");
        var setup = Stopwatch.StartNew();
        var people = await Population.CreateAsync(api, options, largest, cancellationToken).ConfigureAwait(false);
        ConsoleLog.Info($"Accounts ready in {setup.Elapsed.TotalSeconds:F1} s");

        using var app = FindApp();
        ConsoleLog.Info(app is null ? "App process not found: its CPU use is not reported (use --app-pid)." : $"App process {app.Id}");
        var runner = new StageRunner(apis, options, people, frames, app);
        var results = new List<StageResult>();
        string? stoppedBy = null;
        foreach (var students in options.Stages)
        {
            ConsoleLog.Info($"Stage: {students} students, {options.Proctors} proctors");
            try
            {
                results.Add(await RunUndisturbedAsync(runner, students, app, cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stoppedBy = "interrupted";
                break;
            }
            catch (Exception e) when (e is HttpRequestException or HubException or InvalidOperationException)
            {
                // A stage that cannot even be set up ends the ladder: later stages are larger still.
                stoppedBy = $"stage of {students} students failed: {e.Message}";
                ConsoleLog.Info(stoppedBy);
                break;
            }
        }

        var report = MarkdownReport.Build(options, args, kind, frames, results, stoppedBy);
        Console.WriteLine();
        Console.WriteLine(report);
        var outPath = Path.GetFullPath(options.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllTextAsync(outPath, report, CancellationToken.None).ConfigureAwait(false);
        ConsoleLog.Info($"Results written to {outPath}");
        return stoppedBy is null ? 0 : 1;
    }

    /// <summary>
    /// Runs a stage, and again (up to --busy-retries times) while other processes took more than
    /// --busy-cpu cores during its load; keeps the least disturbed run.
    /// </summary>
    private async Task<StageResult> RunUndisturbedAsync(StageRunner runner, int students, Process? app, CancellationToken cancellationToken)
    {
        StageResult? best = null;
        for (var run = 1; ; run++)
        {
            await WaitForQuietAsync(app, cancellationToken).ConfigureAwait(false);
            var result = await runner.RunAsync(students, cancellationToken).ConfigureAwait(false);
            ConsoleLog.Info(MarkdownReport.OneLine(result, options.P99TargetMs));
            if (best is null || (result.Cpu.Other ?? 0) < (best.Cpu.Other ?? 0))
            {
                best = result;
            }

            if ((result.Cpu.Other ?? 0) <= options.BusyCpu || run > options.BusyRetries)
            {
                return best with { Runs = run };
            }

            ConsoleLog.Info($"  other processes used {result.Cpu.Other:F2} cores during the load: repeating the stage");
        }
    }

    /// <summary>
    /// The machine is shared (builds and tests of other work run on it too): a stage that starts while
    /// something else burns CPU measures that, not the app. Waits for quiet, up to --quiet-timeout; the
    /// report shows the other processes' CPU during each stage either way.
    /// </summary>
    private async Task WaitForQuietAsync(Process? app, CancellationToken cancellationToken)
    {
        const double QuietCores = 0.3;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var meter = new CpuMeter(app);
            meter.Start();
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            var other = meter.Stop().Other;
            if (other is null or < QuietCores)
            {
                return;
            }

            if (waited.Elapsed >= options.QuietTimeout)
            {
                ConsoleLog.Info($"  other processes still use {other:F2} cores after {waited.Elapsed.TotalSeconds:F0} s; starting anyway");
                return;
            }

            ConsoleLog.Info($"  other processes use {other:F2} cores; waiting for quiet");
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }
    }

    private Process? FindApp()
    {
        if (options.AppPid is { } pid)
        {
            return Process.GetProcessById(pid);
        }

        // Linux shortens process names to 15 characters, so both spellings are tried.
        var found = Process.GetProcessesByName("ProctorWise.WebApi").Concat(Process.GetProcessesByName("ProctorWise.Web")).ToList();
        foreach (var other in found.Skip(1))
        {
            other.Dispose();
        }

        return found.FirstOrDefault();
    }

    /// <summary>Disposes the per-host clients (their shared handler is disposed by its own using).</summary>
    private sealed class ClientsDisposer(List<HttpClient> clients) : IDisposable
    {
        public void Dispose() => clients.ForEach(c => c.Dispose());
    }
}
