namespace ProctorWise.Grains.Ports;

/// <summary>
/// Where the analytics engine finds the lake (<c>raw/</c> and <c>processed/</c>): the root passed in every
/// <see cref="AnalyticsRunRequest"/> and <see cref="AnalyticsPageRequest"/>. The composition derives it once from the
/// lake's configuration; grains never read the lake's options (a technology project) themselves.
/// </summary>
/// <param name="Root">The lake's root as the engine addresses it (a local folder for the embedded DuckDB engine).</param>
public sealed record AnalyticsLake(string Root);
