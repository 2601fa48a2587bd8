namespace ProctorWise.Grains.Ports;

/// <summary>
/// Rows of a dataset. Values are <see cref="string"/>, <see cref="long"/>, <see cref="int"/>, <see cref="double"/>,
/// <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/> (UTC), <c>string[]</c> or null.
/// </summary>
/// <param name="Columns">Column names, in the dataset's order.</param>
/// <param name="Rows">The page's rows, values in column order.</param>
/// <param name="TotalRows">Rows in the whole dataset.</param>
public sealed record AnalyticsPage(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, long TotalRows);
