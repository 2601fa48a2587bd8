namespace ProctorWise.Api.Features.Analytics;

/// <summary>A page of a job's dataset, paged like every list (<c>items</c>, <c>page</c>, <c>pageSize</c>, <c>total</c>).</summary>
/// <param name="Job">The job.</param>
/// <param name="Period">The period key.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Columns">Column names, in order.</param>
/// <param name="Items">Rows: values in column order (text, numbers, booleans, dates, UTC instants, lists of text, or null).</param>
/// <param name="Page">The page (from 1).</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows in the dataset.</param>
public sealed record DatasetRows(
    string Job,
    string Period,
    string Dataset,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Items,
    int Page,
    int PageSize,
    long Total);
