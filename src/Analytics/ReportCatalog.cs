namespace ProctorWise.Analytics;

/// <summary>
/// The analytics API's reports (docs/analytics.md, "API"), and the raw-zone figure a post-check compares with (<see cref="DailyAnomalyExams"/>): portable SELECTs over the raw zone, filtered by bound
/// parameters, reusing the jobs' shared views so a figure means the same in a report and in a job's output.
/// </summary>
public static class ReportCatalog
{
    /// <summary>The exam id parameter.</summary>
    public const string ExamId = "exam_id";

    /// <summary>The student id parameter.</summary>
    public const string StudentId = "student_id";

    /// <summary>The exam's pass mark in percent.</summary>
    public const string PassMark = "pass_mark";

    /// <summary>The width in seconds of an exam's completion-time bins.</summary>
    public const string BinSeconds = "bin_seconds";

    /// <summary>The first instant of today (UTC), <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public const string DayStart = "day_start";

    /// <summary>The first instant of tomorrow (UTC).</summary>
    public const string DayEnd = "day_end";

    /// <summary>The first instant of the trend window (UTC).</summary>
    public const string TrendStart = "trend_start";

    /// <summary>How many of the newest anomalies the critical-anomaly alert looks at.</summary>
    public const string RecentAnomalies = "recent_anomalies";

    /// <summary>The daily job's post-check: exams with an anomaly that began in a day, from the raw facts.</summary>
    public const string DailyAnomalyExams = "daily_anomaly_exams";

    private const string ResourcePrefix = "ProctorWise.Analytics.Reports.";

    private static readonly InputDefinition[] s_anomalyInputs = [InputCatalog.AnomalyOpened, InputCatalog.AnomalyClosed];
    private static readonly InputDefinition[] s_gradingInputs = [InputCatalog.SubmissionAutoGraded, InputCatalog.SubmissionManuallyGraded];

    /// <summary>Every report, by name.</summary>
    public static IReadOnlyDictionary<string, ReportQuery> All { get; } = new[]
    {
        Load("exam_summary", s_gradingInputs, ["graded_submissions"], ExamId, PassMark),
        Load("exam_questions", [.. s_gradingInputs, InputCatalog.SubmissionAutoGradedQuestion], ["graded_submissions", "question_outcomes"], ExamId),
        Load("exam_completion", [InputCatalog.SessionSubmitted], [], ExamId),
        Load("exam_completion_times", [InputCatalog.SessionSubmitted], [], ExamId, BinSeconds),
        Load("exam_anomalies", s_anomalyInputs, ["anomalies"], ExamId),
        Load("exam_anomaly_students", s_anomalyInputs, ["anomalies"], ExamId),
        Load("exam_turnaround", s_gradingInputs, ["graded_submissions"], ExamId),
        Load("user_results", [InputCatalog.SubmissionPublished], [], StudentId),
        Load("user_areas", [InputCatalog.SubmissionPublished, InputCatalog.SubmissionPublishedQuestion], [], StudentId),
        Load("user_anomalies", s_anomalyInputs, ["anomalies"], StudentId),
        Load("user_anomaly_list", s_anomalyInputs, [], StudentId),
        Load("platform_totals", [.. s_anomalyInputs, InputCatalog.SubmissionAutoGraded, InputCatalog.SessionStarted, InputCatalog.SessionSubmitted],
            ["anomalies"], DayStart, DayEnd, RecentAnomalies),
        Load("platform_hourly", [.. s_anomalyInputs, InputCatalog.SessionSubmitted], ["anomalies"], DayStart, DayEnd),
        Load("platform_daily", [.. s_anomalyInputs, InputCatalog.SessionSubmitted], ["anomalies"], TrendStart, DayEnd),
        Load(DailyAnomalyExams, s_anomalyInputs, [], DayStart, DayEnd),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>The report called <paramref name="name"/>, or null.</summary>
    public static ReportQuery? Find(string? name) => name is not null && All.TryGetValue(name, out var report) ? report : null;

    private static ReportQuery Load(string name, InputDefinition[] inputs, string[] views, params string[] parameters)
    {
        var assembly = typeof(ReportCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name + ".sql")
            ?? throw new InvalidOperationException($"The report SQL '{name}.sql' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var shared = views.Select(v => JobCatalog.AllQueries.Single(q => string.Equals(q.ResourcePath, $"views/{v}.sql", StringComparison.Ordinal))).ToArray();
        return new ReportQuery(name, reader.ReadToEnd(), inputs, shared, parameters);
    }
}
