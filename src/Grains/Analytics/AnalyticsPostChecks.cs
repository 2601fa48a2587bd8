using System.Globalization;
using ProctorWise.Analytics;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <summary>
/// What a finished run must satisfy before it counts as succeeded: every dataset of the job written (in the result and
/// as a Parquet file in the lake), and row counts that agree with each other the way the job SQL makes them agree:
/// <list type="bullet">
/// <item>daily: each anomaly has one exam, one student and one hour, so <c>by_exam.total_anomalies</c>,
/// <c>by_user.total_anomalies</c> and <c>hourly.anomaly_count</c> have the same sum, and there are at most 24 hours;
/// and, against the raw input rather than the outputs, <c>by_exam</c> has one row per exam with an anomaly that began
/// that day (<see cref="ReportCatalog.DailyAnomalyExams"/>, counted from the raw facts without the jobs' views). That
/// comparison is made once the day has ended: while it is under way the lake writer keeps landing anomalies the run
/// did not see;</item>
/// <item>weekly: <c>exam_statistics</c>, <c>daily_trends</c> and <c>grading_efficiency</c> each count every graded
/// submission of the week once (per exam, per day, per grader), so their counts have the same sum;</item>
/// <item>monthly: the rankings keep the first 100 of <c>user_profiles</c>, the tier and risk summaries count every
/// profile once, and the at-risk users are some of the profiles.</item>
/// </list>
/// </summary>
internal sealed class AnalyticsPostChecks(IAnalyticsEngine engine, IAnalyticsReports reports, ILakeStorage lake)
{
    /// <summary>The failures found (empty when the run passes); <paramref name="now"/> is the domain clock's time.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(
        AnalyticsJobDefinition job, AnalyticsRunRequest request, AnalyticsRunResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var rows = result.Datasets.ToDictionary(d => d.Name, d => d.Rows, StringComparer.Ordinal);
        foreach (var dataset in job.Datasets)
        {
            var folder = $"processed/{job.Name}/{request.Period.Key}/{dataset.Name}";
            if (!rows.ContainsKey(dataset.Name))
            {
                failures.Add($"dataset {dataset.Name} is missing from the run's result");
            }
            else if (await lake.GetEntryAsync(folder, cancellationToken) is not { IsDirectory: true }
                || !(await lake.ListAsync(folder, cancellationToken: cancellationToken)).Any(e => e.Name.EndsWith(".parquet", StringComparison.Ordinal)))
            {
                failures.Add($"dataset {dataset.Name} has no Parquet file under {folder}");
            }
        }

        if (failures.Count > 0)
        {
            return failures;
        }

        switch (job.Name)
        {
            case JobCatalog.DailyAnomalyAggregation:
                await SameSumAsync(request, failures, cancellationToken, ("by_exam", "total_anomalies"), ("by_user", "total_anomalies"), ("hourly", "anomaly_count"));
                Require(rows["hourly"] <= 24, $"hourly has {rows["hourly"]} rows; a day has 24 hours", failures);
                if (request.Period.End <= now)
                {
                    var exams = await RawExamsWithAnomaliesAsync(request, cancellationToken);
                    Require(rows["by_exam"] == exams,
                        $"by_exam has {rows["by_exam"]} rows, but the raw input has anomalies of {exams} exams that began on {request.Period.Key}", failures);
                }

                break;
            case JobCatalog.WeeklyGradeAnalytics:
                await SameSumAsync(request, failures, cancellationToken,
                    ("exam_statistics", "total_submissions"), ("daily_trends", "submissions_count"), ("grading_efficiency", "graded_count"));
                Require(rows["daily_trends"] <= 7, $"daily_trends has {rows["daily_trends"]} rows; a week has 7 days", failures);
                break;
            case JobCatalog.MonthlyUserPerformance:
                var profiles = rows["user_profiles"];
                Require(rows["top_performers"] == Math.Min(100, profiles), $"top_performers has {rows["top_performers"]} rows for {profiles} profiles (expected the first 100)", failures);
                Require(rows["most_improved"] == Math.Min(100, profiles), $"most_improved has {rows["most_improved"]} rows for {profiles} profiles (expected the first 100)", failures);
                Require(rows["at_risk_users"] <= profiles, $"at_risk_users has {rows["at_risk_users"]} rows, more than the {profiles} profiles", failures);
                foreach (var summary in new[] { "tier_summary", "risk_summary" })
                {
                    var counted = await SumAsync(request, summary, "user_count", cancellationToken);
                    Require(counted == profiles, $"{summary} counts {counted} users; user_profiles has {profiles}", failures);
                }

                break;
        }

        return failures;
    }

    private async Task<long> RawExamsWithAnomaliesAsync(AnalyticsRunRequest request, CancellationToken cancellationToken)
    {
        static string Midnight(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReportCatalog.DayStart] = Midnight(request.Period.Start),
            [ReportCatalog.DayEnd] = Midnight(request.Period.End),
        };
        var pages = await reports.QueryAsync(new AnalyticsReportRequest(request.LakeRoot, [ReportCatalog.DailyAnomalyExams], parameters), cancellationToken);
        var page = pages[ReportCatalog.DailyAnomalyExams];
        return Convert.ToInt64(page.Rows.Single()[page.Columns.ToList().IndexOf("exams")], CultureInfo.InvariantCulture);
    }

    private async Task SameSumAsync(AnalyticsRunRequest request, List<string> failures, CancellationToken cancellationToken, params (string Dataset, string Column)[] columns)
    {
        var sums = new List<(string Name, long Sum)>();
        foreach (var (dataset, column) in columns)
        {
            sums.Add(($"{dataset}.{column}", await SumAsync(request, dataset, column, cancellationToken)));
        }

        Require(sums.Select(s => s.Sum).Distinct().Count() == 1,
            "row counts disagree: " + string.Join(", ", sums.Select(s => string.Create(CultureInfo.InvariantCulture, $"sum of {s.Name} = {s.Sum}"))), failures);
    }

    private async Task<long> SumAsync(AnalyticsRunRequest request, string dataset, string column, CancellationToken cancellationToken)
    {
        long sum = 0;
        for (long offset = 0; ; offset += AnalyticsPageRequest.MaxLimit)
        {
            var page = await engine.ReadAsync(new AnalyticsPageRequest(request.LakeRoot, request.Job, request.Period, dataset, offset, AnalyticsPageRequest.MaxLimit), cancellationToken)
                ?? throw new InvalidOperationException($"{dataset} of {request.Job} {request.Period.Key} cannot be read back.");
            var index = page.Columns.ToList().IndexOf(column);
            if (index < 0)
            {
                throw new InvalidOperationException($"{dataset} has no column {column}.");
            }

            sum += page.Rows.Sum(r => Convert.ToInt64(r[index], CultureInfo.InvariantCulture));
            if (offset + page.Rows.Count >= page.TotalRows || page.Rows.Count == 0)
            {
                return sum;
            }
        }
    }

    private static void Require(bool condition, string failure, List<string> failures)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }
}
