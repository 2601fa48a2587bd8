using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics.Reading;

/// <summary>An exam's figures from its catalog reports.</summary>
internal static class ExamFigures
{
    public static IReadOnlyList<string> Reports { get; } = ["exam_summary", "exam_questions", "exam_completion", "exam_anomalies"];

    private static readonly (string Range, string Column)[] s_buckets =
        [("0-20", "bucket_0_20"), ("21-40", "bucket_21_40"), ("41-60", "bucket_41_60"), ("61-80", "bucket_61_80"), ("81-100", "bucket_81_100")];

    public static ExamAnalyticsView From(string examId, decimal passMark, IReadOnlyDictionary<string, AnalyticsPage> pages, DateTimeOffset now)
    {
        var summary = new ReportTable(pages["exam_summary"]);
        var questions = new ReportTable(pages["exam_questions"]);
        var completion = new ReportTable(pages["exam_completion"]);
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
            now);
    }

    public static Dictionary<string, string> Parameters(string examId, decimal passMark) => new(StringComparer.Ordinal)
    {
        [ReportCatalog.ExamId] = examId,
        [ReportCatalog.PassMark] = passMark.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static IReadOnlyDictionary<string, long> ByType(ReportTable anomalies) =>
        anomalies.Indexes.ToDictionary(r => anomalies.Text(r, "type"), r => anomalies.Long(r, "anomalies"), StringComparer.Ordinal);
}
