namespace ProctorWise.Analytics;

/// <summary>
/// One analytics job: the period it covers, the raw inputs it reads, the views its datasets share and the datasets
/// it writes, in the order an engine registers and runs them.
/// </summary>
/// <param name="Name">The job's name, also its folder under <c>processed/</c>.</param>
/// <param name="PeriodKind">Daily, weekly or monthly.</param>
/// <param name="Inputs">Raw event types, registered as views first.</param>
/// <param name="Views">Derived views, registered after the inputs, in order.</param>
/// <param name="Datasets">Outputs, written in order; each is registered as a view once written, for later ones.</param>
public sealed record AnalyticsJobDefinition(
    string Name,
    PeriodKind PeriodKind,
    IReadOnlyList<JobInput> Inputs,
    IReadOnlyList<JobQuery> Views,
    IReadOnlyList<JobQuery> Datasets)
{
    /// <summary>The dataset called <paramref name="name"/>, or null.</summary>
    public JobQuery? FindDataset(string name) => Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    /// <summary>Parses a period key of this job's kind (see <see cref="AnalyticsPeriod.Parse"/>).</summary>
    public AnalyticsPeriod ParsePeriod(string key) => AnalyticsPeriod.Parse(PeriodKind, key);
}
