using System.Globalization;
using System.Text;
using ProctorWise.LoadGenerator.Frames;
using ProctorWise.LoadGenerator.Load;

namespace ProctorWise.LoadGenerator.Reporting;

/// <summary>The results as markdown: what was run, how, the tables, and the verdict against the p99 goal.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Build(LoadOptions options, IReadOnlyList<string> args, FrameKind kind, IReadOnlyList<byte[]> frames, IReadOnlyList<StageResult> results, string? stoppedBy)
    {
        var text = new StringBuilder();
        Line(text, $"# ProctorWise live-path load test{(options.Label is null ? string.Empty : " — " + options.Label)}");
        Line(text);
        Line(text, $"Run at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC against {options.Url}. Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        Line(text, $"**The app and this generator share these {Environment.ProcessorCount} cores**: the generator's own CPU use is in the \"gen CPU\" column and competes with the app's. \"Other CPU\" is every other process on the machine during the load (builds or tests of other work): a stage with a high figure there measured contention, not the app alone. Such a stage is repeated (up to {options.BusyRetries} more times while other processes use more than {Number(options.BusyCpu, "0.##")} cores) and the least disturbed run is reported (column \"runs\").");
        Line(text);
        var frameText = options.FrameInterval > TimeSpan.Zero
            ? $"a {FrameFactory.Width}×{FrameFactory.Height} JPEG webcam frame ({kind.ToString().ToLowerInvariant()}, {frames.Average(f => f.Length) / 1024:F1} KB) every {Seconds(options.FrameInterval)}"
            : "**no webcam frames (events-only load)**";
        Line(text, $"Each stage: a new exam and slot, {options.Proctors} proctors assigned and watching the room over SignalR (`/hubs/proctor`, `WatchRoom`), N students with a started session. For {Seconds(options.Duration)} each student sends {frameText} and a browser event every {Seconds(options.EventInterval)}, alternating `tab_hidden` and `resume`; students' schedules are spread evenly over the period.");
        Line(text);
        Line(text, "**Latency** = the proctor's arrival of the `sessionChanged` whose `counters.tab_hidden` reaches the event's number − the student's send time (taken before the HTTP call); same machine, one clock. Every accepted `tab_hidden` should reach every proctor: *expected* = accepted events × M, *missing* = expected − measured. *After 202* is the same arrival minus the moment the student got the event's 202, i.e. the server's push path alone.");
        Line(text);
        Line(text, "## Commands");
        Line(text);
        Line(text, "```sh");
        Line(text, "# app");
        Line(text, options.AppCommand ?? "(not given: pass --app-command)");
        Line(text, "# generator");
        Line(text, string.Join(' ', Launcher().Concat(args).Select(Quote)));
        Line(text, "```");
        Line(text);
        Line(text, "## Event → proctor latency");
        Line(text);
        Line(text, $"| N | M | frame interval | tab_hidden accepted | deliveries measured / expected | missing | p50 ms | p90 ms | p99 ms | max ms | after 202 p50 / p99 ms | p99 < {Number(options.P99TargetMs, "F0")} ms |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var r in results)
        {
            Line(text, $"| {r.Students} | {r.Proctors} | {FrameInterval(r)} | {r.TabHiddenAccepted} | {r.DeliveriesMeasured} / {r.DeliveriesExpected} | {r.Missing} | {Ms(r.Latency.P50)} | {Ms(r.Latency.P90)} | {Ms(r.Latency.P99)} | {Ms(r.Latency.Max)} | {Ms(r.AfterAnswer.P50)} / {Ms(r.AfterAnswer.P99)} | {(r.Meets(options.P99TargetMs) ? "yes" : "**no**")} |");
        }

        Line(text);
        Line(text, "## Load, HTTP and CPU");
        Line(text);
        Line(text, "| N | frames/s (target) | analysed/s | shed frames | late frame slots | frame POST p50 / p99 ms | event POST p50 / p99 ms | HTTP errors | 429s | app CPU cores | gen CPU cores | other CPU cores | setup s | runs |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Line(text, $"| {r.Students} | {Number(r.FramesPerSecond, "F1")} ({Number(r.TargetFramesPerSecond, "F1")}) | {Number(r.AnalysedPerSecond, "F1")} | {r.FramesShed} | {r.FramesLate} | {Ms(r.FramePost.P50)} / {Ms(r.FramePost.P99)} | {Ms(r.EventPost.P50)} / {Ms(r.EventPost.P99)} | {r.Statuses.Errors} | {r.Http429} | {Cores(r.Cpu.App)} | {Cores(r.Cpu.Generator)} | {Cores(r.Cpu.Other)} | {Number(r.SetupTime.TotalSeconds, "F0")} | {r.Runs} |");
        }

        Line(text);
        Line(text, "## Frames: analysed, unchanged, shed");
        Line(text);
        Line(text, "*Unchanged* = skipped by the server as near-identical to the session's last analysed frame (`checks.face = \"unchanged\"`); *shed* = not analysed for lack of capacity (`\"skipped\"`). The gap is the time between two analysed frames of one student (from its first accepted frame to the stage's end), over all students.");
        Line(text);
        Line(text, "| N | accepted | analysed | fraction analysed | unchanged | shed | analysed-frame gap p50 / p99 s | longest gap s |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Line(text, $"| {r.Students} | {r.FramesAccepted} | {r.FramesAnalysed} | {Number(r.FractionAnalysed * 100, "F1")} % | {r.FramesUnchanged} | {r.FramesShed} | {Number(r.AnalysedGaps.P50 / 1000, "F1")} / {Number(r.AnalysedGaps.P99 / 1000, "F1")} | {Number(r.AnalysedGaps.Max / 1000, "F1")} |");
        }

        Line(text);
        Line(text, "HTTP statuses of the load calls (`none` = no answer within 30 s):");
        Line(text);
        foreach (var r in results)
        {
            Line(text, $"- N = {r.Students}: {r.Statuses.Describe()}; sessionChanged messages {r.SessionChanges}, alerts {r.Alerts}, hub disconnects {r.HubDisconnects}, faces in the first analysed frame {r.FacesInFirstFrame?.ToString(s_invariant) ?? "–"}.");
        }

        if (results.Any(r => r.Tiles is not null))
        {
            Line(text);
            Line(text, "Camera tiles (`--tiles`): every proctor polls every student's live frame with its ETag.");
            Line(text);
            Line(text, "| N | proctors | period | polls | 200 (new picture) | 304 | other | picture bytes/s per proctor | bytes per picture |");
            Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results.Where(r => r.Tiles is not null))
            {
                var t = r.Tiles!;
                var perPicture = t.Frames == 0 ? "–" : Number((double)t.Bytes / t.Frames, "F0");
                Line(text, $"| {r.Students} | {t.Proctors} | {Number(t.Interval.TotalSeconds, "F1")} s | {t.Polls} | {t.Frames} | {t.NotModified} | {t.Failed} | {Number(t.BytesPerSecondPerProctor(r.LoadTime) / 1024, "F1")} KiB/s | {perPicture} |");
            }
        }

        Line(text);
        Line(text, "## Verdict");
        Line(text);
        var target = Number(options.P99TargetMs, "F0");
        var passed = results.Where(r => r.Meets(options.P99TargetMs)).Select(r => r.Students).ToList();
        var failed = results.Where(r => !r.Meets(options.P99TargetMs)).Select(r => r.Students).ToList();
        var steady = results.OrderBy(r => r.Students).TakeWhile(r => r.Meets(options.P99TargetMs)).Select(r => r.Students).DefaultIfEmpty().Max();
        Line(text, passed.Count == 0
            ? $"No stage kept p99 < {target} ms with every delivery (stages run: {string.Join(", ", results.Select(r => r.Students))})."
            : $"Largest N with p99 < {target} ms and no missing delivery: **{passed.Max()}**; every stage up to **{steady}** passed. Passed: {string.Join(", ", passed)}; failed: {(failed.Count == 0 ? "none" : string.Join(", ", failed))}.");
        if (stoppedBy is not null)
        {
            Line(text);
            Line(text, $"The run stopped early: {stoppedBy}.");
        }

        return text.ToString();
    }

    public static string OneLine(StageResult r, double p99TargetMs) => string.Create(s_invariant,
        $"  N={r.Students} M={r.Proctors}: tab_hidden {r.TabHiddenAccepted}, deliveries {r.DeliveriesMeasured}/{r.DeliveriesExpected}, latency p50 {Ms(r.Latency.P50)} p90 {Ms(r.Latency.P90)} p99 {Ms(r.Latency.P99)} max {Ms(r.Latency.Max)} ms; frames {r.FramesPerSecond:F1}/s (target {r.TargetFramesPerSecond:F1}, analysed {r.AnalysedPerSecond:F1}/s = {r.FractionAnalysed * 100:F1} %, unchanged {r.FramesUnchanged}, shed {r.FramesShed}, longest analysed gap {r.AnalysedGaps.Max / 1000:F1} s), frame POST p50 {Ms(r.FramePost.P50)} p99 {Ms(r.FramePost.P99)} ms; errors {r.Statuses.Errors}; CPU app {Cores(r.Cpu.App)} gen {Cores(r.Cpu.Generator)} other {Cores(r.Cpu.Other)}; {(r.Meets(p99TargetMs) ? "MEETS" : "misses")} the p99 goal");

    /// <summary>How this generator was started: <c>dotnet path.dll</c> or the apphost's path.</summary>
    private static IEnumerable<string> Launcher()
    {
        var entry = Environment.GetCommandLineArgs()[0];
        return Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? ["dotnet", entry] : [Environment.ProcessPath ?? entry];
    }

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');

    private static string FrameInterval(StageResult r) => r.FrameInterval > TimeSpan.Zero ? Seconds(r.FrameInterval) : "off";

    private static string Seconds(TimeSpan time) => Number(time.TotalSeconds, "0.###") + " s";

    private static string Ms(double ms) => Number(ms, "F0");

    private static string Cores(double? cores) => cores is { } c ? Number(c, "F2") : "–";

    private static string Number(double value, string format) => value.ToString(format, s_invariant);

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
