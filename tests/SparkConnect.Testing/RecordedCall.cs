using Google.Protobuf;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>One request the fake received, in arrival order.</summary>
/// <param name="Method">The RPC's name.</param>
/// <param name="Request">The request (a copy).</param>
/// <param name="Authorization">The <c>authorization</c> metadata, or null.</param>
public sealed record RecordedCall(string Method, IMessage Request, string? Authorization);
