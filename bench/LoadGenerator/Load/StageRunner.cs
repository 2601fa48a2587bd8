using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using ProctorWise.LoadGenerator.Api;
using ProctorWise.LoadGenerator.Metrics;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>
/// One stage: a fresh exam and slot for N students, M proctors watching it, then the load for the
/// stage's duration, a short drain for late deliveries, and clean-up so the next stage starts quiet.
/// </summary>
internal sealed class StageRunner(IReadOnlyList<ApiClient> apis, LoadOptions options, Population people, IReadOnlyList<byte[]> frames, Process? app)
{
    /// <summary>The first host: setup calls (exam, slot, bookings, starts, submissions) go there.</summary>
    private readonly ApiClient _api = apis[0];

    /// <summary>Bookings, session starts and submissions hash no password: they can go wider than account setup.</summary>
    private const int CheapParallelism = 16;

    private static readonly string[] s_choices = ["first", "second", "third"];
    private static readonly int[] s_key = [0];

    public async Task<StageResult> RunAsync(int students, CancellationToken cancellationToken)
    {
        var setup = Stopwatch.StartNew();
        var accounts = people.Students.Take(students).ToArray();
        var (slotId, startsAt, questions) = await OpenRoomAsync(students, cancellationToken).ConfigureAwait(false);
        var bookings = await BookAsync(accounts, slotId, cancellationToken).ConfigureAwait(false);
        ConsoleLog.Info($"  {students} students booked slot {slotId} in {setup.Elapsed.TotalSeconds:F1} s; it starts at {startsAt:HH:mm:ss}");

        // Proctors, like students, are spread over the hosts: an alert must cross from one host to the other.
        var watchers = people.Proctors.Select((p, i) => new ProctorWatcher(options.Hosts[i % options.Hosts.Count], p)).ToArray();
        string[] sessions = [];
        try
        {
            // The proctors' dashboards are open before the exam starts, as in a real room.
            await Task.WhenAll(watchers.Select(w => w.WatchAsync(slotId, cancellationToken))).ConfigureAwait(false);
            var wait = startsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            sessions = await StartSessionsAsync(accounts, bookings, cancellationToken).ConfigureAwait(false);
            var setupTime = setup.Elapsed;
            ConsoleLog.Info($"  {sessions.Length} sessions started, {watchers.Length} proctors watching; load for {options.Duration.TotalSeconds:F0} s");
            return await LoadAsync(accounts, sessions, watchers, questions, setupTime, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync().ConfigureAwait(false);
            }

            await SubmitAsync(accounts, sessions).ConfigureAwait(false);
        }
    }

    private async Task<StageResult> LoadAsync(
        Account[] accounts, string[] sessions, ProctorWatcher[] watchers, IReadOnlyList<string> questions, TimeSpan setupTime, CancellationToken cancellationToken)
    {
        var ledger = new EventLedger(accounts.Length);
        var answers = new AnswerLedger();
        var metrics = new StageMetrics();
        var drivers = accounts.Select((a, i) => new StudentDriver(apis[i % apis.Count], a, sessions[i], i, accounts.Length, options, frames, ledger, metrics, questions, answers)).ToArray();
        var cpu = new CpuMeter(app);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var tiles = options.TileInterval > TimeSpan.Zero
            ? people.Proctors.Select((p, i) => new TileWatcher(apis[i % apis.Count], p, sessions, options.TileInterval)).ToArray()
            : [];

        cpu.Start();
        var startAt = Stopwatch.GetTimestamp();
        stop.CancelAfter(options.Duration);
        var polling = Task.WhenAll(tiles.Select(t => t.RunAsync(stop.Token)));
        await Task.WhenAll(drivers.Select(d => d.RunAsync(startAt, stop.Token))).ConfigureAwait(false);
        await polling.ConfigureAwait(false);
        var cpuUse = cpu.Stop();
        cancellationToken.ThrowIfCancellationRequested();

        var index = sessions.Select((id, i) => (id, i)).ToDictionary(s => s.id, s => s.i, StringComparer.Ordinal);
        var expected = ledger.AcceptedCount * watchers.Length;
        var drainUntil = Stopwatch.GetTimestamp() + (long)(options.Drain.TotalSeconds * Stopwatch.Frequency);
        var joined = Join(watchers, ledger, index);
        while (joined.Latency.Count < expected && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            joined = Join(watchers, ledger, index);
        }

        if (options.RawOut is not null)
        {
            await WriteRawAsync(options.RawOut, watchers, ledger, index, startAt).ConfigureAwait(false);
            await WriteCallsAsync(options.RawOut, metrics, accounts.Length, startAt).ConfigureAwait(false);
            await ReadAnswersBackAsync(options.RawOut, accounts, sessions, answers, startAt, cancellationToken).ConfigureAwait(false);
        }

        return new StageResult
        {
            Students = accounts.Length,
            Proctors = watchers.Length,
            FrameInterval = options.FrameInterval,
            EventInterval = options.EventInterval,
            LoadTime = options.Duration,
            SetupTime = setupTime,
            TabHiddenAccepted = ledger.AcceptedCount,
            DeliveriesExpected = expected,
            DeliveriesMeasured = joined.Latency.Count,
            Latency = LatencySummary.Of(joined.Latency),
            AfterAnswer = LatencySummary.Of(joined.AfterAnswer),
            EventPost = metrics.EventPost.Summarize(),
            FramePost = metrics.FramePost.Summarize(),
            FramesAccepted = metrics.FramesAccepted,
            FramesLate = metrics.FramesLate,
            FramesAnalysed = metrics.FramesAnalysed,
            FramesShed = metrics.FramesShed,
            FramesUnchanged = metrics.FramesUnchanged,
            AnalysedGaps = metrics.AnalysedGaps.Summarize(),
            FacesInFirstFrame = metrics.FacesInFirstFrame,
            Statuses = metrics.Statuses,
            Cpu = cpuUse,
            Alerts = watchers.Sum(w => w.Alerts),
            SessionChanges = watchers.Sum(w => w.SessionChanges),
            HubDisconnects = watchers.Sum(w => w.Disconnects),
            Tiles = tiles.Length == 0 ? null : new TileTotals(
                tiles.Length, options.TileInterval, tiles.Sum(t => t.Polls), tiles.Sum(t => t.Frames), tiles.Sum(t => t.NotModified), tiles.Sum(t => t.Failed), tiles.Sum(t => t.Bytes)),
        };
    }

    /// <summary>Pairs each proctor's deliveries with the accepted events they report, in milliseconds.</summary>
    private static (List<double> Latency, List<double> AfterAnswer) Join(ProctorWatcher[] watchers, EventLedger ledger, Dictionary<string, int> index)
    {
        var latency = new List<double>();
        var afterAnswer = new List<double>();
        foreach (var delivery in watchers.SelectMany(w => w.Deliveries))
        {
            if (index.TryGetValue(delivery.SessionId, out var student) && ledger.Accepted(student, delivery.Number) is { } sent)
            {
                latency.Add(Stopwatch.GetElapsedTime(sent.SentAt, delivery.ArrivedAt).TotalMilliseconds);
                afterAnswer.Add(Stopwatch.GetElapsedTime(sent.AnsweredAt, delivery.ArrivedAt).TotalMilliseconds);
            }
        }

        return (latency, afterAnswer);
    }

    /// <summary>
    /// One CSV row per delivery, times in ms from the load's start: enough to see whether slow deliveries
    /// cluster in time (a server-wide stall) or hit one proctor or one session.
    /// </summary>
    /// <summary>
    /// Beside the deliveries: every load call (<c>FILE.calls.csv</c>, times from the load's start) and the load's start as
    /// Unix milliseconds (<c>FILE.start</c>), so that calls and deliveries can be split by wall-clock phases.
    /// </summary>
    private static async Task WriteCallsAsync(string path, StageMetrics metrics, int students, long startAt)
    {
        var startUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)Stopwatch.GetElapsedTime(startAt).TotalMilliseconds;
        await File.WriteAllTextAsync(path + ".start", startUnixMs.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var rows = new List<string> { "students,student,kind,sent_ms,status,shed" };
        rows.AddRange(metrics.Calls.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{students},{c.Student},{c.Kind},{Stopwatch.GetElapsedTime(startAt, c.SentAt).TotalMilliseconds:F1},{c.Status},{(c.Shed ? 1 : 0)}")));
        await File.WriteAllLinesAsync(path + ".calls.csv", rows).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads every session back (through the first host) and writes each acknowledged answer with whether it is stored
    /// (<c>FILE.answers.csv</c>); the count of those that are not is logged.
    /// </summary>
    private async Task ReadAnswersBackAsync(string path, Account[] accounts, string[] sessions, AnswerLedger answers, long startAt, CancellationToken cancellationToken)
    {
        var rows = new ConcurrentBag<string>();
        var lost = 0;
        await ForEachAsync(accounts.Length, async (i, ct) =>
        {
            var session = await _api.SendAsync(HttpMethod.Get, $"/api/sessions/{sessions[i]}", accounts[i].Token, null, ct).ConfigureAwait(false);
            foreach (var check in answers.Check(i, session))
            {
                rows.Add(AnswerLedger.Row(check, startAt));
                if (!check.ReadBack)
                {
                    Interlocked.Increment(ref lost);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(path + ".answers.csv", ["student,question,seq,sent_ms,read_back", .. rows], cancellationToken).ConfigureAwait(false);
        ConsoleLog.Info($"  answers: {answers.AcknowledgedCount} acknowledged (last per question), {lost} not read back");
    }

    private static async Task WriteRawAsync(string path, ProctorWatcher[] watchers, EventLedger ledger, Dictionary<string, int> index, long startAt)
    {
        var header = !File.Exists(path);
        var rows = new List<string>();
        if (header)
        {
            rows.Add("students,proctor,student,number,sent_ms,answered_ms,arrived_ms,latency_ms");
        }

        static string Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
        for (var proctor = 0; proctor < watchers.Length; proctor++)
        {
            foreach (var delivery in watchers[proctor].Deliveries)
            {
                if (index.TryGetValue(delivery.SessionId, out var student) && ledger.Accepted(student, delivery.Number) is { } sent)
                {
                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{index.Count},{proctor},{student},{delivery.Number},{Ms(startAt, sent.SentAt)},{Ms(startAt, sent.AnsweredAt)},{Ms(startAt, delivery.ArrivedAt)},{Ms(sent.SentAt, delivery.ArrivedAt)}"));
                }
            }
        }

        await File.AppendAllLinesAsync(path, rows).ConfigureAwait(false);
    }

    /// <summary>A published exam with one slot starting --lead from now, every proctor assigned to it.</summary>
    private async Task<(string SlotId, DateTimeOffset StartsAt, IReadOnlyList<string> Questions)> OpenRoomAsync(int students, CancellationToken cancellationToken)
    {
        var token = people.Teacher.Token;
        var minutes = (int)Math.Ceiling((options.Lead + options.Duration).TotalMinutes) + 10;
        // One question per answer save a student makes (plus five): no save overwrites another, so reading the session
        // back afterwards checks every acknowledged save, whenever it was made.
        var saves = (int)Math.Ceiling(options.Duration / options.EventInterval) + 1;
        var questions = Enumerable.Range(1, Math.Min(saves + 5, 500)).Select(i => new
        {
            type = "single_choice",
            text = string.Create(CultureInfo.InvariantCulture, $"Load question {i}: pick the first option."),
            options = s_choices,
            correct = s_key,
            points = 1,
        });
        var exam = await _api.SendAsync(HttpMethod.Post, "/api/exams", token, new
        {
            title = string.Create(CultureInfo.InvariantCulture, $"Load test, {students} students, {DateTime.UtcNow:HH:mm:ss}"),
            durationMinutes = minutes,
            passMarkPercent = 50,
            questions,
        }, cancellationToken).ConfigureAwait(false);
        var examId = ApiClient.Text(exam, "id");
        await _api.SendAsync(HttpMethod.Post, $"/api/exams/{examId}/publish", token, null, cancellationToken).ConfigureAwait(false);

        var slot = await _api.SendAsync(HttpMethod.Post, $"/api/exams/{examId}/slots", token, new
        {
            startsAt = DateTimeOffset.UtcNow + options.Lead,
            capacity = students,
        }, cancellationToken).ConfigureAwait(false);
        var slotId = ApiClient.Text(slot, "id");
        foreach (var proctor in people.Proctors)
        {
            await _api.SendAsync(HttpMethod.Post, $"/api/slots/{slotId}/proctors", token, new { proctorId = proctor.Id }, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<string> questionIds = [.. exam.GetProperty("questions").EnumerateArray().Select(q => ApiClient.Text(q, "id"))];
        return (slotId, slot.GetProperty("startsAt").GetDateTimeOffset(), questionIds);
    }

    private async Task<string[]> BookAsync(Account[] accounts, string slotId, CancellationToken cancellationToken)
    {
        var bookings = new string[accounts.Length];
        await ForEachAsync(accounts.Length, async (i, ct) =>
        {
            var booking = await _api.SendAsync(HttpMethod.Post, $"/api/slots/{slotId}/bookings", accounts[i].Token, null, ct).ConfigureAwait(false);
            bookings[i] = ApiClient.Text(booking, "id");
        }, cancellationToken).ConfigureAwait(false);
        return bookings;
    }

    /// <summary>Starts every attempt; a 409 "opens at" (the clock a hair early) is retried for a few seconds.</summary>
    private async Task<string[]> StartSessionsAsync(Account[] accounts, string[] bookings, CancellationToken cancellationToken)
    {
        var sessions = new string[accounts.Length];
        await ForEachAsync(accounts.Length, async (i, ct) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var session = await _api.SendAsync(HttpMethod.Post, $"/api/bookings/{bookings[i]}/session", accounts[i].Token, null, ct).ConfigureAwait(false);
                    sessions[i] = ApiClient.Text(session, "id");
                    return;
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Conflict && attempt < 10)
                {
                    await Task.Delay(500, ct).ConfigureAwait(false);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return sessions;
    }

    /// <summary>Ends the stage's sessions so their timers and heartbeats do not load the next stage.</summary>
    private async Task SubmitAsync(Account[] accounts, string[] sessions)
    {
        var failures = new ConcurrentBag<string>();
        await ForEachAsync(sessions.Length, async (i, ct) =>
        {
            if (sessions[i] is null)
            {
                return;
            }

            try
            {
                await _api.SendAsync(HttpMethod.Post, $"/api/sessions/{sessions[i]}/submit", accounts[i].Token, null, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                failures.Add(e.Message);
            }
        }, CancellationToken.None).ConfigureAwait(false);
        if (!failures.IsEmpty)
        {
            ConsoleLog.Info($"  {failures.Count} sessions could not be submitted, e.g. {failures.First()}");
        }
    }

    private static Task ForEachAsync(int count, Func<int, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = CheapParallelism, CancellationToken = cancellationToken }, body);
}
