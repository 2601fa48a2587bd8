using ProctorWise.Analytics;

namespace ProctorWise.Grains.Ports;

/// <summary>One job over one period of a lake.</summary>
/// <param name="LakeRoot">The lake's root: a local folder (or <c>file://</c> URI) holding <c>raw/</c> and <c>processed/</c>.</param>
/// <param name="Job">The job's name (<see cref="JobCatalog"/>).</param>
/// <param name="Period">The period; its kind must be the job's.</param>
public sealed record AnalyticsRunRequest(string LakeRoot, string Job, AnalyticsPeriod Period);
