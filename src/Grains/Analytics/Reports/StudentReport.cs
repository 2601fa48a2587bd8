using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Ports;
using static ProctorWise.Grains.Analytics.Reports.ReportText;

namespace ProctorWise.Grains.Analytics.Reports;

/// <summary>Lays out a student's own report from their figures (published results only, as the student's page shows).</summary>
/// <remarks>Exams are named by their titles; an exam the catalog no longer holds falls back to its id.</remarks>
internal static class StudentReport
{
    public static ReportDocument Build(string studentName, UserAnalyticsView figures)
    {
        var trend = figures.ScoreTrend;
        var anomalies = figures.AnomaliesByType.OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        var period = trend.Count == 0
            ? $"No published result up to {Utc(figures.GeneratedAt)}"
            : $"Results published from {Day(trend[0].PublishedAt)} to {Day(trend[^1].PublishedAt)}";
        List<ReportBlock> blocks =
        [
            new ReportHeading("Key figures"),
            new ReportFacts(
            [
                new("Published results", Count(figures.ExamsTaken)),
                new("Passed", Count(figures.ExamsPassed)),
                new("Pass rate", Percent(figures.PassRate)),
                new("Mean score", Percent(figures.MeanScore)),
            ]),
            new ReportHeading("Score trend"),
            new ReportChart("Score per published result (%)", ReportChartKind.Line,
                [.. trend.Select(p => Day(p.PublishedAt))], [.. trend.Select(p => p.Score)], " %", 100),
            new ReportGrid("Published results", ["Published", "Exam", "Score", "Passed"],
                [.. trend.Select(p => (IReadOnlyList<string>)[Utc(p.PublishedAt), p.ExamTitle ?? p.ExamId, Percent(p.Score), p.Passed ? "yes" : "no"])],
                "No published result yet."),
            new ReportHeading("Strengths and weaknesses"),
            new ReportFacts(
            [
                new("Strongest question types", figures.StrongestAreas.Count == 0 ? "none above 50 % yet" : string.Join(", ", figures.StrongestAreas.Select(Humanize))),
                new("Weakest question types", figures.WeakestAreas.Count == 0 ? "none below 50 %" : string.Join(", ", figures.WeakestAreas.Select(Humanize))),
            ]),
            new ReportChart("Correct answers by question type (%)", ReportChartKind.Bar,
                [.. figures.Areas.Select(a => Humanize(a.QuestionType))], [.. figures.Areas.Select(a => a.CorrectRate)], " %", 100),
            new ReportHeading("Proctoring records"),
            new ReportGrid("What was recorded during my exams", ["Type", "Times recorded"],
                [.. anomalies.Select(a => (IReadOnlyList<string>)[Humanize(a.Key), Count(a.Value)])], "Nothing was recorded."),
            new ReportGrid("Each record, with its reason", ["Exam", "When", "Type", "Severity", "Reason"],
                [.. figures.Anomalies.Select(a => (IReadOnlyList<string>)[a.ExamTitle ?? a.ExamId, Utc(a.StartedAt), Humanize(a.Type), Humanize(a.Severity), a.Reason ?? None])],
                "Nothing was recorded."),
        ];
        return new ReportDocument("Student report", studentName, period, figures.GeneratedAt, blocks);
    }
}
