using System.Globalization;
using ProctorWise.Grains.Interfaces.Analytics;

namespace ProctorWise.Api.Features.Analytics;

/// <summary>
/// An exam's or a student's analytics as one CSV (docs/analytics.md, "CSV exports"): a long layout of
/// <c>section,item,figure,value</c>, one figure per row, so every row has the same four fields (RFC 4180) and the file
/// filters and pivots in a spreadsheet however many questions, students or bins it holds. <c>item</c> names the row
/// within its section (a question id, a score range, a student id) and is empty for single figures. Written by
/// <see cref="CsvFormat"/>, so text cells cannot run as formulas.
/// </summary>
public static class AnalyticsCsv
{
    /// <summary>The header of both exports.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["section", "item", "figure", "value"];

    /// <summary>The rows of an exam's export, in the order the analytics page shows them.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Exam(ExamAnalyticsView figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var summary = new (string, object?)[]
        {
            ("submissions", figures.Submissions), ("mean_score", figures.MeanScore), ("median_score", figures.MedianScore),
            ("q1_score", figures.Q1Score), ("q3_score", figures.Q3Score), ("min_score", figures.MinScore), ("max_score", figures.MaxScore),
            ("pass_mark_percent", figures.PassMarkPercent), ("pass_rate", figures.PassRate), ("attempts", figures.Attempts),
            ("mean_completion_seconds", figures.MeanCompletionSeconds), ("generated_at", figures.GeneratedAt),
        };
        foreach (var (figure, value) in summary)
        {
            yield return Row("summary", "", figure, value);
        }

        foreach (var bucket in figures.ScoreDistribution)
        {
            yield return Row("score_distribution", bucket.Range, "submissions", bucket.Count);
        }

        foreach (var q in figures.Questions)
        {
            yield return Row("question", q.QuestionId, "question_type", q.QuestionType);
            yield return Row("question", q.QuestionId, "attempts", q.Attempts);
            yield return Row("question", q.QuestionId, "answered", q.Answered);
            yield return Row("question", q.QuestionId, "correct", q.Correct);
            yield return Row("question", q.QuestionId, "correct_rate", q.CorrectRate);
            yield return Row("question", q.QuestionId, "mean_score", q.MeanScore);
            yield return Row("question", q.QuestionId, "max_score", q.MaxScore);
            yield return Row("question", q.QuestionId, "difficulty", q.Difficulty);
        }

        foreach (var bin in figures.CompletionTimes)
        {
            // Seconds from the attempt's start: "0-360" is [0 s, 360 s).
            yield return Row("completion_time", string.Create(CultureInfo.InvariantCulture, $"{bin.FromSeconds:0.###}-{bin.ToSeconds:0.###}"), "attempts", bin.Attempts);
        }

        foreach (var (type, count) in figures.AnomaliesByType.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            yield return Row("anomalies_by_type", type, "anomalies", count);
        }

        foreach (var student in figures.StudentAnomalies)
        {
            yield return Row("student_anomalies", student.StudentId, "student_name", student.StudentName);
            yield return Row("student_anomalies", student.StudentId, "total", student.Total);
            yield return Row("student_anomalies", student.StudentId, "highest_severity", student.HighestSeverity);
            foreach (var (type, count) in student.ByType.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                yield return Row("student_anomalies", student.StudentId, type, count);
            }
        }

        var turnaround = figures.GradingTurnaround;
        yield return Row("grading_turnaround", "", "teacher_graded", turnaround.TeacherGraded);
        yield return Row("grading_turnaround", "", "median_hours", turnaround.MedianHours);
        yield return Row("grading_turnaround", "", "p90_hours", turnaround.P90Hours);
        yield return Row("grading_turnaround", "", "max_hours", turnaround.MaxHours);
    }

    /// <summary>The rows of a student's export: their published results, areas and what was recorded about them.</summary>
    public static IEnumerable<IReadOnlyList<object?>> User(UserAnalyticsView figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        yield return Row("summary", "", "exams_taken", figures.ExamsTaken);
        yield return Row("summary", "", "mean_score", figures.MeanScore);
        yield return Row("summary", "", "exams_passed", figures.ExamsPassed);
        yield return Row("summary", "", "pass_rate", figures.PassRate);
        yield return Row("summary", "", "generated_at", figures.GeneratedAt);
        foreach (var p in figures.ScoreTrend)
        {
            yield return Row("result", p.SubmissionId, "exam_id", p.ExamId);
            yield return Row("result", p.SubmissionId, "exam_title", p.ExamTitle);
            yield return Row("result", p.SubmissionId, "score", p.Score);
            yield return Row("result", p.SubmissionId, "passed", p.Passed);
            yield return Row("result", p.SubmissionId, "published_at", p.PublishedAt);
        }

        foreach (var a in figures.Areas)
        {
            yield return Row("area", a.QuestionType, "attempts", a.Attempts);
            yield return Row("area", a.QuestionType, "correct_rate", a.CorrectRate);
            yield return Row("area", a.QuestionType, "mean_percent", a.MeanPercent);
        }

        foreach (var (type, count) in figures.AnomaliesByType.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            yield return Row("anomalies_by_type", type, "anomalies", count);
        }

        foreach (var a in figures.Anomalies)
        {
            yield return Row("anomaly", a.AnomalyId, "exam_id", a.ExamId);
            yield return Row("anomaly", a.AnomalyId, "exam_title", a.ExamTitle);
            yield return Row("anomaly", a.AnomalyId, "type", a.Type);
            yield return Row("anomaly", a.AnomalyId, "severity", a.Severity);
            yield return Row("anomaly", a.AnomalyId, "started_at", a.StartedAt);
            yield return Row("anomaly", a.AnomalyId, "ended_at", a.EndedAt);
            yield return Row("anomaly", a.AnomalyId, "reason", a.Reason);
        }
    }

    private static object?[] Row(string section, string item, string figure, object? value) => [section, item, figure, value];
}
