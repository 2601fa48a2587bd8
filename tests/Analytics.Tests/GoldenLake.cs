using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Grains.Ports;
using static ProctorWise.Analytics.Tests.Events;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// The small hand-checkable lake of the golden tests, and the three jobs run over it once: day 2026-12-05,
/// ISO week 2026-W49 (Monday 2026-11-30 to Sunday 2026-12-06) and month 2026-12. docs/analytics.md walks through it.
/// Students s1–s5, exams e1–e3, teachers t1 and t2.
/// </summary>
public sealed class GoldenLake : IAsyncLifetime
{
    public static readonly AnalyticsPeriod Day = AnalyticsPeriod.Parse(PeriodKind.Daily, "2026-12-05");
    public static readonly AnalyticsPeriod Week = AnalyticsPeriod.Parse(PeriodKind.Weekly, "2026-W49");
    public static readonly AnalyticsPeriod Month = AnalyticsPeriod.Parse(PeriodKind.Monthly, "2026-12");

    private readonly TestLake _lake = new();

    internal DuckDbAnalyticsEngine Engine { get; } = NewEngine();

    public string Root => _lake.Root;

    public Dictionary<string, AnalyticsRunResult> Runs { get; } = [];

    internal static DuckDbAnalyticsEngine NewEngine() =>
        new(Options.Create(new DuckDbAnalyticsOptions { MemoryLimit = "512MB", Threads = 2 }), NullLogger<DuckDbAnalyticsEngine>.Instance);

    public async ValueTask InitializeAsync()
    {
        WriteAnomalies();
        WriteSubmissions();
        WriteSessions();
        foreach (var (job, period) in new[] { (JobCatalog.DailyAnomalyAggregation, Day), (JobCatalog.WeeklyGradeAnalytics, Week), (JobCatalog.MonthlyUserPerformance, Month) })
        {
            Runs[job] = await Engine.RunAsync(new AnalyticsRunRequest(Root, job, period), TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        Engine.Dispose();
        _lake.Dispose();
        return ValueTask.CompletedTask;
    }

    public Task<AnalyticsPage?> ReadAsync(string job, AnalyticsPeriod period, string dataset, string? sortBy = null) =>
        Engine.ReadAsync(new AnalyticsPageRequest(Root, job, period, dataset, 0, 1000, sortBy), TestContext.Current.CancellationToken);

    private void WriteAnomalies()
    {
        // a1, a2: s1 on e1 at 09:xx, opened and closed.
        _lake.Write(
            AnomalyOpened("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9, 10)),
            AnomalyClosed("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9, 10), At(12, 5, 9, 11)),
            AnomalyOpened("a2", "e1", "s1", "multiple_faces", "critical", 0.8, At(12, 5, 9, 20)),
            AnomalyClosed("a2", "e1", "s1", "multiple_faces", "critical", 0.8, At(12, 5, 9, 20), At(12, 5, 9, 25)));

        // a3: still open (its session has not ended): counted from its opening.
        _lake.Write(AnomalyOpened("a3", "e1", "s2", "tab_hidden", "medium", null, At(12, 5, 9, 40)));

        // a9: opened medium, closed high (repeated tab switches): the closing figures win.
        _lake.Write(
            AnomalyOpened("a9", "e1", "s2", "tab_hidden", "medium", null, At(12, 5, 10, 0)),
            AnomalyClosed("a9", "e1", "s2", "tab_hidden", "high", null, At(12, 5, 10, 0), At(12, 5, 10, 30)));

        // a4: its closing event redelivered into a second file; a5: its opening event redelivered.
        var a4Closed = AnomalyClosed("a4", "e2", "s2", "object_detected", "high", 0.6, At(12, 5, 14, 5), At(12, 5, 14, 6));
        var a5Opened = AnomalyOpened("a5", "e2", "s3", "webcam_stopped", "critical", null, At(12, 5, 14, 30));
        _lake.Write(AnomalyOpened("a4", "e2", "s2", "object_detected", "high", 0.6, At(12, 5, 14, 5)), a4Closed, a5Opened);
        _lake.Write(a4Closed, a5Opened);

        // a6: began at 23:59:30 and closed after midnight, so its closing event is in the 2026-12-06 partition,
        // in a file written before the reason and occurrences fields existed.
        _lake.Write(AnomalyOpened("a6", "e2", "s3", "window_blur", "low", null, At(12, 5, 23, 59, 30)));
        _lake.Write(AnomalyClosed("a6", "e2", "s3", "window_blur", "low", null, At(12, 5, 23, 59, 30), At(12, 6, 0, 0, 40)).Without("reason", "occurrences"));

        // a7 began the day before, a8 the day after: not in the day's figures, but in the month's.
        _lake.Write(
            AnomalyClosed("a7", "e1", "s1", "no_face", "high", null, At(12, 4, 23, 58), At(12, 4, 23, 59)),
            AnomalyClosed("a8", "e3", "s4", "copy", "low", null, At(12, 6, 0, 10), At(12, 6, 0, 11)));

        // s4 has five critical anomalies on 2026-12-06 (risk level high), s3 a second critical one on 2026-12-15.
        _lake.Write([.. Enumerable.Range(10, 5).Select(i =>
            AnomalyClosed($"a{i}", "e2", "s4", "multiple_faces", "critical", 0.9, At(12, 6, 10, i), At(12, 6, 10, i, 30)))]);
        _lake.Write(AnomalyClosed("a16", "e1", "s3", "webcam_stopped", "critical", null, At(12, 15, 10, 0), At(12, 15, 10, 5)));

        // a15 is in November: outside the month.
        _lake.Write(AnomalyClosed("a15", "e1", "s1", "no_face", "high", null, At(11, 30, 12, 0), At(11, 30, 12, 1)));

        // A writer's temporary files: never read (their content is not even Parquet).
        var folder = _lake.PartitionFolder("sessions", "anomaly_closed", new DateOnly(2026, 12, 5));
        File.WriteAllText(Path.Combine(folder, "_part-99999.parquet.tmp"), "half written");
        File.WriteAllText(Path.Combine(folder, ".part-99998.parquet"), "half written");
    }

    private void WriteSubmissions()
    {
        // e1: q1 single choice (5 points), q2 short answer (5). e2: q3 true/false (2), q4 essay (8). e1 and e3 have 10 points.
        // u1: s1, e1, submitted Monday 2026-11-30 10:00, graded automatically 36 s later: 8/10.
        var u1 = AutoGraded("u1", "e1", "s1", At(11, 30, 10, 0), At(11, 30, 10, 0, 36), 8, 10, 0);
        _lake.Write(u1,
            AutoGradedQuestion(u1, "q1", "single_choice", 5, 5, true, true),
            AutoGradedQuestion(u1, "q2", "short_answer", 3, 5, false, true));

        // u2: s2, e1, q2 waits for t1, who gives 4/5 a day later: 9/10.
        var u2 = AutoGraded("u2", "e1", "s2", At(11, 30, 11, 0), At(11, 30, 11, 0), 5, 10, 1);
        _lake.Write(u2,
            AutoGradedQuestion(u2, "q1", "single_choice", 5, 5, true, true),
            AutoGradedQuestion(u2, "q2", "short_answer", null, 5, null, true),
            ManuallyGraded("u2", "e1", "s2", "q2", "short_answer", 4, 5, "t1", At(12, 1, 11, 0), At(11, 30, 11, 0), 9, 10, 0));

        // u3: s3, e1, q1 unanswered: 5/10, graded 72 s later; the event and its question rows redelivered.
        var u3 = AutoGraded("u3", "e1", "s3", At(12, 2, 9, 0), At(12, 2, 9, 1, 12), 5, 10, 0);
        Row[] u3Rows =
        [
            u3,
            AutoGradedQuestion(u3, "q1", "single_choice", 0, 5, false, false),
            AutoGradedQuestion(u3, "q2", "short_answer", 5, 5, true, true),
        ];
        _lake.Write(u3Rows);
        _lake.Write(u3Rows);

        // u4: s4, e1, still waiting for a teacher: never counted.
        var u4 = AutoGraded("u4", "e1", "s4", At(12, 3, 9, 0), At(12, 3, 9, 0), 3, 10, 1);
        _lake.Write(u4,
            AutoGradedQuestion(u4, "q1", "single_choice", 0, 5, false, true),
            AutoGradedQuestion(u4, "q2", "short_answer", null, 5, null, true));

        // u5: s1, e2, q4 graded 5/8 by t2 two hours later (70 %), then regraded 4/8 (60 %): the newest score, the
        // first complete grading's time.
        var u5 = AutoGraded("u5", "e2", "s1", At(12, 2, 15, 0), At(12, 2, 15, 0), 2, 10, 1);
        _lake.Write(u5,
            AutoGradedQuestion(u5, "q3", "true_false", 2, 2, true, true),
            AutoGradedQuestion(u5, "q4", "essay", null, 8, null, true),
            ManuallyGraded("u5", "e2", "s1", "q4", "essay", 5, 8, "t2", At(12, 2, 17, 0), At(12, 2, 15, 0), 7, 10, 0),
            ManuallyGraded("u5", "e2", "s1", "q4", "essay", 4, 8, "t2", At(12, 3, 15, 0), At(12, 2, 15, 0), 6, 10, 0));

        // u8: s4, e2, submitted Sunday 23:00, its essay graded 8/8 on Monday 09:00 of the next week (a later partition).
        var u8 = AutoGraded("u8", "e2", "s4", At(12, 6, 23, 0), At(12, 6, 23, 0), 2, 10, 1);
        _lake.Write(u8,
            AutoGradedQuestion(u8, "q3", "true_false", 2, 2, true, true),
            AutoGradedQuestion(u8, "q4", "essay", null, 8, null, true),
            ManuallyGraded("u8", "e2", "s4", "q4", "essay", 8, 8, "t2", At(12, 7, 9, 0), At(12, 6, 23, 0), 10, 10, 0));

        // Outside the week: u6 next Monday 00:30, u7 the Sunday before. u9, u10 later in December; u12 on 2027-01-01.
        _lake.Write(
            AutoGraded("u6", "e2", "s2", At(12, 7, 0, 30), At(12, 7, 0, 30), 4.5, 10, 0),
            AutoGraded("u7", "e2", "s3", At(11, 29, 23, 0), At(11, 29, 23, 0), 10, 10, 0),
            AutoGraded("u9", "e1", "s1", At(12, 20, 10, 0), At(12, 20, 10, 0), 9, 10, 0),
            AutoGraded("u10", "e3", "s1", At(12, 10, 10, 0), At(12, 10, 10, 0), 3, 10, 0),
            AutoGraded("u12", "e1", "s3", At(1, 1, 0, 0, year: 2027), At(1, 1, 0, 0, year: 2027), 10, 10, 0));
    }

    private void WriteSessions()
    {
        var s3Session = SessionSubmitted("s3", "e1", At(12, 2, 9, 0), 20);
        _lake.Write(
            SessionSubmitted("s1", "e2", At(12, 2, 15, 0), 10),
            SessionSubmitted("s1", "e3", At(12, 10, 10, 0), 30),
            SessionSubmitted("s1", "e1", At(12, 20, 10, 0), 50),
            SessionSubmitted("s2", "e2", At(12, 7, 0, 30), 70),
            s3Session,
            SessionSubmitted("s4", "e2", At(12, 6, 23, 0), 90),
            SessionSubmitted("s4", "e1", At(11, 30, 9, 0), 10));
        _lake.Write(s3Session);
    }
}
