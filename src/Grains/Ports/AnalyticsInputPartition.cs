namespace ProctorWise.Grains.Ports;

/// <summary>One day of one raw event type: <c>raw/&lt;Namespace&gt;/date=&lt;Date&gt;/type=&lt;EventType&gt;/</c>.</summary>
/// <param name="Namespace">The stream namespace.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Date">The partition's day (UTC).</param>
/// <param name="Files">Complete Parquet files in it (0: missing or empty).</param>
public sealed record AnalyticsInputPartition(string Namespace, string EventType, DateOnly Date, int Files);
