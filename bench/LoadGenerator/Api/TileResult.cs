namespace ProctorWise.LoadGenerator.Api;

/// <summary>One live-frame poll: its status (<see cref="ApiClient.NoResponse"/> when none came), body bytes and the ETag to send next.</summary>
internal readonly record struct TileResult(int Status, long Bytes, string? ETag);
