using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics.Reading;

/// <summary>A student's figures from their catalog reports.</summary>
internal static class UserFigures
{
    /// <summary>How many areas each list names, and the correct rate that splits strong from weak (the original's intent).</summary>
    private const int AreasListed = 3;
    private const double AreaSplitPercent = 50;

    public static IReadOnlyList<string> Reports { get; } = ["user_results", "user_areas", "user_anomalies", "user_anomaly_list"];

    public static Dictionary<string, string> Parameters(string userId) => new(StringComparer.Ordinal) { [ReportCatalog.StudentId] = userId };

    /// <summary>The exams the student's results and anomaly records name (each once), whose titles the view shows.</summary>
    public static IReadOnlyList<string> ExamIds(IReadOnlyDictionary<string, AnalyticsPage> pages)
    {
        var results = new ReportTable(pages["user_results"]);
        var list = new ReportTable(pages["user_anomaly_list"]);
        return [.. results.Indexes.Select(r => results.Text(r, "exam_id")).Concat(list.Indexes.Select(r => list.Text(r, "exam_id"))).Distinct(StringComparer.Ordinal)];
    }

    public static UserAnalyticsView From(string userId, IReadOnlyDictionary<string, AnalyticsPage> pages, IReadOnlyDictionary<string, string> titles, DateTimeOffset now)
    {
        var results = new ReportTable(pages["user_results"]);
        var trend = results.Indexes.Select(r => new ScorePoint(
            results.Text(r, "submission_id"), results.Text(r, "exam_id"), results.Double(r, "percentage") ?? 0,
            results.Value(r, "passed") is true, (DateTimeOffset)results.Value(r, "published_at")!,
            titles.GetValueOrDefault(results.Text(r, "exam_id")))).ToArray();
        var areasTable = new ReportTable(pages["user_areas"]);
        var areas = areasTable.Indexes.Select(r => new AreaAnalytics(
            areasTable.Text(r, "question_type"), areasTable.Long(r, "attempts"), areasTable.Double(r, "correct_rate") ?? 0,
            areasTable.Double(r, "mean_percent"))).ToArray();
        var passed = trend.LongCount(p => p.Passed);
        return new UserAnalyticsView(
            userId,
            trend.Length,
            trend.Length == 0 ? null : trend.Average(p => p.Score),
            passed,
            trend.Length == 0 ? null : 100.0 * passed / trend.Length,
            trend,
            ExamFigures.ByType(new ReportTable(pages["user_anomalies"])),
            areas,
            Strongest(areas),
            Weakest(areas),
            [new FigureSource(["*"], Sources.Lake)],
            now,
            Recorded(new ReportTable(pages["user_anomaly_list"]), titles));
    }

    /// <summary>Each anomaly recorded about the student, as the report lists them (oldest first).</summary>
    public static IReadOnlyList<RecordedAnomaly> Recorded(ReportTable list, IReadOnlyDictionary<string, string> titles) =>
        [.. list.Indexes.Select(r => new RecordedAnomaly(
            list.Text(r, "anomaly_id"), list.Text(r, "exam_id"), list.Text(r, "session_id"), list.Text(r, "type"), list.Text(r, "severity"),
            (DateTimeOffset)list.Value(r, "started_at")!, list.Value(r, "ended_at") as DateTimeOffset?,
            list.Value(r, "reason") as string, titles.GetValueOrDefault(list.Text(r, "exam_id"))))];

    /// <summary>Up to three types above 50 % correct, best first (ties by name).</summary>
    public static IReadOnlyList<string> Strongest(IEnumerable<AreaAnalytics> areas) =>
        [.. areas.Where(a => a.CorrectRate > AreaSplitPercent).OrderByDescending(a => a.CorrectRate).ThenBy(a => a.QuestionType, StringComparer.Ordinal)
            .Take(AreasListed).Select(a => a.QuestionType)];

    /// <summary>Up to three types below 50 % correct, weakest first (ties by name).</summary>
    public static IReadOnlyList<string> Weakest(IEnumerable<AreaAnalytics> areas) =>
        [.. areas.Where(a => a.CorrectRate < AreaSplitPercent).OrderBy(a => a.CorrectRate).ThenBy(a => a.QuestionType, StringComparer.Ordinal)
            .Take(AreasListed).Select(a => a.QuestionType)];
}
