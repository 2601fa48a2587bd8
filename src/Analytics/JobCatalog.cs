namespace ProctorWise.Analytics;

/// <summary>
/// The analytics jobs (docs/analytics.md): every output dataset of the original's three Spark jobs, as portable SQL
/// embedded from <c>src/Analytics/Jobs</c>.
/// </summary>
public static class JobCatalog
{
    /// <summary>The daily job's name.</summary>
    public const string DailyAnomalyAggregation = "daily_anomaly_aggregation";

    /// <summary>The weekly job's name.</summary>
    public const string WeeklyGradeAnalytics = "weekly_grade_analytics";

    /// <summary>The monthly job's name.</summary>
    public const string MonthlyUserPerformance = "monthly_user_performance";

    private const string ResourcePrefix = "ProctorWise.Analytics.Jobs.";

    private static readonly JobInput[] s_anomalyInputs =
    [
        new(InputCatalog.AnomalyOpened, InputSpan.Period, RedeliveriesRemovedBy: "anomalies"),
        new(InputCatalog.AnomalyClosed, InputSpan.Period, RedeliveriesRemovedBy: "anomalies"),
    ];

    private static readonly JobInput[] s_gradingInputs =
    [
        new(InputCatalog.SubmissionAutoGraded, InputSpan.PeriodAndLater),
        new(InputCatalog.SubmissionManuallyGraded, InputSpan.PeriodAndLater),
    ];

    /// <summary>The jobs, in chain order (anomalies, then grades, then users).</summary>
    public static IReadOnlyList<AnalyticsJobDefinition> All { get; } =
    [
        new(DailyAnomalyAggregation, PeriodKind.Daily,
            s_anomalyInputs,
            [View("anomalies")],
            [Dataset(DailyAnomalyAggregation, "by_exam"), Dataset(DailyAnomalyAggregation, "by_user"), Dataset(DailyAnomalyAggregation, "hourly")]),
        new(WeeklyGradeAnalytics, PeriodKind.Weekly,
            [.. s_gradingInputs, new(InputCatalog.SubmissionAutoGradedQuestion, InputSpan.PeriodAndLater)],
            [View("graded_submissions"), View("question_outcomes")],
            [
                Dataset(WeeklyGradeAnalytics, "exam_statistics"), Dataset(WeeklyGradeAnalytics, "daily_trends"),
                Dataset(WeeklyGradeAnalytics, "grading_efficiency"), Dataset(WeeklyGradeAnalytics, "question_difficulty"),
            ]),
        new(MonthlyUserPerformance, PeriodKind.Monthly,
            [.. s_anomalyInputs, .. s_gradingInputs, new(InputCatalog.SessionSubmitted, InputSpan.Period)],
            [View("anomalies"), View("graded_submissions")],
            [
                Dataset(MonthlyUserPerformance, "user_profiles"), Dataset(MonthlyUserPerformance, "top_performers"),
                Dataset(MonthlyUserPerformance, "at_risk_users"), Dataset(MonthlyUserPerformance, "most_improved"),
                Dataset(MonthlyUserPerformance, "tier_summary"), Dataset(MonthlyUserPerformance, "risk_summary"),
            ]),
    ];

    /// <summary>The job called <paramref name="name"/>, or null.</summary>
    public static AnalyticsJobDefinition? Find(string? name) =>
        All.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal));

    /// <summary>Every SQL file of the catalog (views and datasets), once each, for the portability lint.</summary>
    public static IReadOnlyList<JobQuery> AllQueries { get; } =
        All.SelectMany(j => j.Views.Concat(j.Datasets)).DistinctBy(q => q.ResourcePath).ToList();

    private static JobQuery View(string name) => Load(name, $"views/{name}.sql");

    private static JobQuery Dataset(string job, string name) => Load(name, $"{job}/{name}.sql");

    private static JobQuery Load(string name, string path)
    {
        var assembly = typeof(JobCatalog).Assembly;
        // RecursiveDir in the resource name carries the build machine's separator.
        var resource = assembly.GetManifestResourceNames()
            .FirstOrDefault(r => string.Equals(r.Replace('\\', '/'), ResourcePrefix + path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The job SQL '{path}' is not embedded in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new JobQuery(name, path, reader.ReadToEnd());
    }
}
