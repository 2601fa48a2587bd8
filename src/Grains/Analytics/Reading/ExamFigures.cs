using System.Globalization;
using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics.Reading;

/// <summary>An exam's figures from its catalog reports.</summary>
internal static class ExamFigures
{
    /// <summary>Completion times are shown in this many bins, each a tenth of the exam's duration.</summary>
    public const int CompletionBins = 10;

    public static IReadOnlyList<string> Reports { get; } =
        ["exam_summary", "exam_questions", "exam_completion", "exam_completion_times", "exam_anomalies", "exam_anomaly_students", "exam_turnaround"];

    private static readonly (string Range, string Column)[] s_buckets =
        [("0-20", "bucket_0_20"), ("21-40", "bucket_21_40"), ("41-60", "bucket_41_60"), ("61-80", "bucket_61_80"), ("81-100", "bucket_81_100")];

    // exam_anomaly_students ranks severities 1-4, since their names do not sort in order.
    private static readonly string[] s_severities = ["low", "medium", "high", "critical"];

    public static ExamAnalyticsView From(
        string examId, decimal passMark, int durationMinutes, IReadOnlyDictionary<string, AnalyticsPage> pages,
        IReadOnlyDictionary<string, string> studentNames, DateTimeOffset now)
    {
        var summary = new ReportTable(pages["exam_summary"]);
        var questions = new ReportTable(pages["exam_questions"]);
        var completion = new ReportTable(pages["exam_completion"]);
        var turnaround = new ReportTable(pages["exam_turnaround"]);
        return new ExamAnalyticsView(
            examId,
            summary.Long(0, "submissions"),
            summary.Double(0, "mean_score"),
            summary.Double(0, "median_score"),
            summary.Double(0, "min_score"),
            summary.Double(0, "max_score"),
            passMark,
            summary.Double(0, "pass_rate"),
            [.. s_buckets.Select(b => new ScoreBucket(b.Range, summary.Long(0, b.Column)))],
            [.. questions.Indexes.Select(r => new QuestionAnalytics(
                questions.Text(r, "question_id"), questions.Text(r, "question_type"), questions.Long(r, "attempts"),
                questions.Long(r, "answered_count"), questions.Long(r, "correct_count"), questions.Double(r, "correct_rate") ?? 0,
                questions.Double(r, "mean_score"), questions.Double(r, "max_score"), questions.Text(r, "difficulty")))],
            completion.Long(0, "attempts"),
            completion.Double(0, "mean_seconds"),
            ByType(new ReportTable(pages["exam_anomalies"])),
            [new FigureSource(["*"], Sources.Lake)],
            now,
            summary.Double(0, "q1_score"),
            summary.Double(0, "q3_score"),
            CompletionTimes(new ReportTable(pages["exam_completion_times"]), BinSeconds(durationMinutes)),
            PerStudent(new ReportTable(pages["exam_anomaly_students"]), studentNames),
            new GradingTurnaround(turnaround.Long(0, "teacher_graded"), turnaround.Double(0, "median_hours"), turnaround.Double(0, "p90_hours"),
                turnaround.Double(0, "max_hours")));
    }

    public static Dictionary<string, string> Parameters(string examId, decimal passMark, int durationMinutes) => new(StringComparer.Ordinal)
    {
        [ReportCatalog.ExamId] = examId,
        [ReportCatalog.PassMark] = passMark.ToString(CultureInfo.InvariantCulture),
        [ReportCatalog.BinSeconds] = BinSeconds(durationMinutes).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A tenth of the exam's duration (never zero, so a malformed exam cannot divide by it).</summary>
    public static double BinSeconds(int durationMinutes) => Math.Max(1, durationMinutes) * 60.0 / CompletionBins;

    /// <summary>The students with an anomaly in the exam, whose names the page shows.</summary>
    public static IReadOnlyList<string> AnomalyStudents(IReadOnlyDictionary<string, AnalyticsPage> pages)
    {
        var table = new ReportTable(pages["exam_anomaly_students"]);
        return [.. table.Indexes.Select(r => table.Text(r, "student_id")).Distinct(StringComparer.Ordinal)];
    }

    public static IReadOnlyDictionary<string, long> ByType(ReportTable anomalies) =>
        anomalies.Indexes.ToDictionary(r => anomalies.Text(r, "type"), r => anomalies.Long(r, "anomalies"), StringComparer.Ordinal);

    /// <summary>
    /// Every bin of the exam's duration, empty ones included, so the histogram has a full axis. An attempt that ran past
    /// the duration (a late submission the server still took) counts in the last bin rather than widening the axis.
    /// </summary>
    public static IReadOnlyList<CompletionBucket> CompletionTimes(ReportTable bins, double binSeconds)
    {
        var counts = new long[CompletionBins];
        foreach (var r in bins.Indexes)
        {
            counts[Math.Clamp(bins.Long(r, "bin"), 0, CompletionBins - 1)] += bins.Long(r, "attempts");
        }

        return [.. counts.Select((n, i) => new CompletionBucket(i * binSeconds, (i + 1) * binSeconds, n))];
    }

    /// <summary>One entry per student, most anomalies first, then the most severe, then by id.</summary>
    public static IReadOnlyList<StudentAnomalies> PerStudent(ReportTable rows, IReadOnlyDictionary<string, string> names) =>
        [.. rows.Indexes.GroupBy(r => rows.Text(r, "student_id"), StringComparer.Ordinal)
            .Select(g => (Student: g.Key, ByType: g.ToDictionary(r => rows.Text(r, "type"), r => rows.Long(r, "anomalies"), StringComparer.Ordinal),
                Rank: g.Max(r => rows.Long(r, "severity_rank"))))
            .OrderByDescending(s => s.ByType.Values.Sum()).ThenByDescending(s => s.Rank).ThenBy(s => s.Student, StringComparer.Ordinal)
            .Select(s => new StudentAnomalies(s.Student, names.GetValueOrDefault(s.Student), s.ByType.Values.Sum(), s.ByType,
                s_severities[Math.Clamp((int)s.Rank, 1, s_severities.Length) - 1]))];
}
