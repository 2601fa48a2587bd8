using System.Text.RegularExpressions;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// An input whose view keeps redelivered copies (<see cref="JobInput.RedeliveriesRemovedBy"/>) is read by exactly one
/// SQL file of its job, the view named there, and that view keeps one row per entity; any other reader would count
/// copies. The outputs themselves are checked against redelivered events in the golden tests.
/// </summary>
public sealed partial class RedeliveryInputsTests
{
    public static TheoryData<string, string> PassThroughInputs() =>
    [
        .. JobCatalog.All.SelectMany(job => job.Inputs.Where(i => !i.Deduplicate).Select(i => (job.Name, i.Definition.ViewName))),
    ];

    [Fact]
    public void TheAnomalyInputsPassCopiesThroughToTheAnomaliesView()
    {
        Assert.Equal(
            ["daily_anomaly_aggregation anomaly_closed", "daily_anomaly_aggregation anomaly_opened", "monthly_user_performance anomaly_closed", "monthly_user_performance anomaly_opened"],
            PassThroughInputs().Select(row => $"{row.Data.Item1} {row.Data.Item2}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PassThroughInputs))]
    public void OnlyTheNamedViewReadsAPassThroughInputAndItKeepsOneRowPerEntity(string jobName, string input)
    {
        var job = JobCatalog.Find(jobName)!;
        var remover = job.Inputs.Single(i => i.Definition.ViewName == input).RedeliveriesRemovedBy!;
        var readers = job.Views.Concat(job.Datasets).Where(q => Regex.IsMatch(q.Template, $@"\b{input}\b")).Select(q => q.Name);

        Assert.Equal([remover], readers);
        var view = Assert.Single(job.Views, v => v.Name == remover);
        Assert.Matches(RankedOnce(), view.Template);
    }

    [Fact]
    public void APassThroughViewHasNoGroupByAndADeduplicatedOneHas()
    {
        var input = InputCatalog.AnomalyClosed;
        var columns = input.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("GROUP BY event_id", input.ViewSql("files", columns, c => c, deduplicate: true), StringComparison.Ordinal);
        Assert.DoesNotContain("GROUP BY", input.ViewSql("files", columns, c => c, deduplicate: false), StringComparison.Ordinal);
        Assert.Empty(Portability.PortableSqlLint.Check(input.ViewSql("raw_files", columns, c => $"floor({c}_seconds)", deduplicate: false)));
    }

    [GeneratedRegex(@"row_number\(\) OVER \(PARTITION BY \w+ ORDER BY [^)]*\) AS (\w+)[\s\S]*WHERE \1 = 1")]
    private static partial Regex RankedOnce();
}
