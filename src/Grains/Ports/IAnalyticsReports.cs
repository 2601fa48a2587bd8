namespace ProctorWise.Grains.Ports;

/// <summary>
/// Runs the analytics API's catalog reports (<see cref="ProctorWise.Analytics.ReportCatalog"/>) over the lake's raw zone,
/// with their parameters bound as query parameters: no SQL is ever built from a request. Like
/// <see cref="IAnalyticsEngine"/>, implementations work off the caller's thread on a bounded worker.
/// </summary>
public interface IAnalyticsReports
{
    /// <summary>
    /// Runs each named report once over one snapshot of the raw zone and returns its rows by report name. An unknown
    /// report or a missing parameter is an <see cref="ArgumentException"/> (a caller's bug, not a user's input).
    /// </summary>
    Task<IReadOnlyDictionary<string, AnalyticsPage>> QueryAsync(AnalyticsReportRequest request, CancellationToken cancellationToken = default);
}
