namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>Rows of a written dataset.</summary>
/// <param name="Job">The job.</param>
/// <param name="Period">The period key.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Columns">Column names, in the dataset's order.</param>
/// <param name="Rows">Values in column order: text, whole or fractional numbers, booleans, dates, UTC instants, lists of text, or null.</param>
/// <param name="Total">Rows in the whole dataset.</param>
[GenerateSerializer, Immutable, Alias("pw.dataset-page-view")]
public sealed record class DatasetPageView(
    string Job,
    string Period,
    string Dataset,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    long Total);
