namespace ProctorWise.Grains.Ports;

/// <summary>Reports to run together over the raw zone of one lake.</summary>
/// <param name="LakeRoot">The lake's root (a local folder or <c>file://</c> URI).</param>
/// <param name="Reports">Report names (<see cref="ProctorWise.Analytics.ReportCatalog"/>).</param>
/// <param name="Parameters">Values of the reports' parameters, by name; bound, never pasted into SQL.</param>
public sealed record AnalyticsReportRequest(string LakeRoot, IReadOnlyList<string> Reports, IReadOnlyDictionary<string, string> Parameters);
