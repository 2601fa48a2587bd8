using ProctorWise.Grains.Ports;
using static ProctorWise.Analytics.Tests.Events;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// The original collected submissions to the driver and kept the first 1000. Here a seeded week of 1,500 graded
/// submissions (plus ungraded ones and redeliveries) must be counted whole, and its figures match those computed
/// from the generated data in the test itself.
/// </summary>
public sealed class LargeWeekTests : IDisposable
{
    private readonly TestLake _lake = new();
    private readonly DuckDb.DuckDbAnalyticsEngine _engine = GoldenLake.NewEngine();

    public void Dispose()
    {
        _engine.Dispose();
        _lake.Dispose();
    }

    [Fact]
    public async Task EveryGradedSubmissionOfABusyWeekIsCounted()
    {
        var random = new Random(20261130);
        var week = AnalyticsPeriod.Parse(PeriodKind.Weekly, "2026-W49");
        var graded = new List<(string Exam, double Percentage)>();
        var rows = new List<Row>();
        for (var i = 0; i < 1_700; i++)
        {
            var exam = $"e{random.Next(3)}";
            var submittedAt = week.Start.AddSeconds(random.Next(7 * 24 * 3600));
            var score = random.Next(0, 21);
            var pending = i % 9 == 0 ? 1 : 0;
            var row = AutoGraded($"u{i}", exam, $"s{random.Next(400)}", submittedAt, submittedAt.AddSeconds(5), score, 20, pending);
            rows.Add(row);
            if (i % 10 == 0)
            {
                rows.Add(row);
            }

            if (pending == 0)
            {
                graded.Add((exam, 100.0 * score / 20));
            }
        }

        foreach (var chunk in rows.Chunk(400))
        {
            _lake.Write(chunk);
        }

        var run = await _engine.RunAsync(new AnalyticsRunRequest(_lake.Root, JobCatalog.WeeklyGradeAnalytics, week), TestContext.Current.CancellationToken);
        var page = await _engine.ReadAsync(new AnalyticsPageRequest(_lake.Root, JobCatalog.WeeklyGradeAnalytics, week, "exam_statistics"), TestContext.Current.CancellationToken);

        Assert.True(graded.Count > 1_000, $"only {graded.Count} graded submissions were generated");
        Assert.Equal(3, run.Datasets.Single(d => d.Name == "exam_statistics").Rows);
        Assert.NotNull(page);
        foreach (var row in page.Rows)
        {
            var ofExam = graded.Where(g => g.Exam == (string)row[0]!).Select(g => g.Percentage).ToList();
            Assert.Equal((long)ofExam.Count, row[1]);
            Assert.Equal(ofExam.Average(), (double)row[2]!, 9);
            Assert.Equal((long)ofExam.Count(p => p >= 60), row[9]);
        }

        Assert.Equal(graded.Count, page.Rows.Sum(r => (long)r[1]!));
    }
}
