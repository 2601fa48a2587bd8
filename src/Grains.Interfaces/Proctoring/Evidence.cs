namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>A frame kept as evidence of an anomaly.</summary>
/// <param name="Jpeg">The JPEG bytes as the browser sent them.</param>
/// <param name="CapturedAt">When the server received the frame.</param>
[GenerateSerializer, Immutable, Alias("pw.evidence")]
public sealed record class Evidence(byte[] Jpeg, DateTimeOffset CapturedAt);
