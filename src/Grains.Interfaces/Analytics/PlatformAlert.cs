namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>An alert on the platform figures.</summary>
/// <param name="Type"><c>anomaly_spike</c> or <c>critical_anomalies</c>.</param>
/// <param name="Level"><c>warning</c> or <c>critical</c>.</param>
/// <param name="Message">What crossed which threshold.</param>
[GenerateSerializer, Immutable, Alias("pw.platform-alert")]
public sealed record class PlatformAlert(string Type, string Level, string Message);
