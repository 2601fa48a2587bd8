using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Ports;
using static ProctorWise.Grains.Analytics.Reports.ReportText;

namespace ProctorWise.Grains.Analytics.Reports;

/// <summary>Lays out a teacher's exam report from the exam's figures (the same the analytics page shows).</summary>
internal static class ExamReport
{
    public static ReportDocument Build(string examTitle, ExamAnalyticsView figures)
    {
        var anomalies = figures.AnomaliesByType.OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        var passMark = Number((double)figures.PassMarkPercent);
        List<ReportBlock> blocks =
        [
            new ReportHeading("Key figures"),
            new ReportFacts(
            [
                new("Graded submissions", Count(figures.Submissions)),
                new($"Pass rate (pass mark {passMark} %)", Percent(figures.PassRate)),
                new("Mean score", Percent(figures.MeanScore)),
                new("Median score", Percent(figures.MedianScore)),
                new("Quartiles (Q1 – Q3)", $"{Percent(figures.Q1Score)} – {Percent(figures.Q3Score)}"),
                new("Lowest score", Percent(figures.MinScore)),
                new("Highest score", Percent(figures.MaxScore)),
                new("Attempts ended", Count(figures.Attempts)),
                new("Mean completion time", Duration(figures.MeanCompletionSeconds)),
                new("Graded by a teacher", Count(figures.GradingTurnaround.TeacherGraded)),
                new("Grading turnaround (median / 90th percentile)", $"{Hours(figures.GradingTurnaround.MedianHours)} / {Hours(figures.GradingTurnaround.P90Hours)}"),
            ]),
            new ReportChart("Score distribution (graded submissions per score range, %)", ReportChartKind.Bar,
                [.. figures.ScoreDistribution.Select(b => b.Range)], [.. figures.ScoreDistribution.Select(b => (double)b.Count)], "", null),
            new ReportChart("Completion times (ended attempts)", ReportChartKind.Bar,
                [.. figures.CompletionTimes.Select(b => $"{Minutes(b.FromSeconds)}-{Minutes(b.ToSeconds)} min")], [.. figures.CompletionTimes.Select(b => (double)b.Attempts)], "", null),
            // The chart's numbers as a table too, as the web page's table view: a bar's value alone does not say which bin it is.
            new ReportGrid("Completion times", ["Time taken", "Attempts ended"],
                [.. figures.CompletionTimes.Select(b => (IReadOnlyList<string>)[$"{Minutes(b.FromSeconds)}-{Minutes(b.ToSeconds)} min", Count(b.Attempts)])],
                "No attempt has ended yet."),
            new ReportHeading("Questions"),
            new ReportChart("Correct rate per question (%)", ReportChartKind.Bar,
                [.. figures.Questions.Select(q => q.QuestionId)], [.. figures.Questions.Select(q => q.CorrectRate)], " %", 100),
            new ReportGrid("Per-question difficulty", ["Question", "Type", "Attempts", "Answered", "Correct", "Correct rate", "Mean score", "Difficulty"],
                [.. figures.Questions.Select(q => (IReadOnlyList<string>)
                [
                    q.QuestionId, Humanize(q.QuestionType), Count(q.Attempts), Count(q.Answered), Count(q.Correct), Percent(q.CorrectRate),
                    q.MeanScore is null ? None : $"{Number(q.MeanScore)} / {Number(q.MaxScore)}", q.Difficulty,
                ])],
                "No graded question yet."),
            new ReportHeading("Proctoring"),
            new ReportChart("Anomalies by type", ReportChartKind.Bar, [.. anomalies.Select(a => Humanize(a.Key))], [.. anomalies.Select(a => (double)a.Value)], "", null),
            new ReportGrid("Anomalies by type", ["Type", "Anomalies"], [.. anomalies.Select(a => (IReadOnlyList<string>)[Humanize(a.Key), Count(a.Value)])],
                "No anomaly was recorded."),
            new ReportGrid("Anomalies per student", ["Student", "Anomalies", "Highest severity", "By type"],
                [.. figures.StudentAnomalies.Select(a => (IReadOnlyList<string>)
                [
                    a.StudentName ?? a.StudentId, Count(a.Total), Humanize(a.HighestSeverity),
                    string.Join(", ", a.ByType.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{Humanize(t.Key)} {Count(t.Value)}")),
                ])],
                "No anomaly was recorded."),
        ];
        return new ReportDocument("Exam report", examTitle, $"All graded submissions up to {Utc(figures.GeneratedAt)}", figures.GeneratedAt, blocks);
    }
}
