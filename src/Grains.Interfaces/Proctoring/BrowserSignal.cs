namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>One browser signal. The client's time is kept for the record; the server's clock orders and times rules.</summary>
/// <param name="Type">The signal.</param>
/// <param name="ClientTime">When the browser says it happened.</param>
/// <param name="Sequence">The client's sequence number; repeats are ignored.</param>
[GenerateSerializer, Immutable, Alias("pw.browser-signal")]
public sealed record class BrowserSignal(BrowserSignalType Type, DateTimeOffset? ClientTime, long Sequence);
