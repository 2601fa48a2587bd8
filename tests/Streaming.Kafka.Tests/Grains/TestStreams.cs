namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>Names shared by the test hosts and grains.</summary>
public static class TestStreams
{
    /// <summary>The stream provider name.</summary>
    public const string Provider = "kafka";

    /// <summary>Namespace with implicit subscribers (like the application's room streams).</summary>
    public const string Alerts = "alerts";

    /// <summary>Namespace for explicit subscriptions.</summary>
    public const string Sessions = "sessions";

    /// <summary>Namespace read and written by clients outside Orleans.</summary>
    public const string External = "external";

    /// <summary>Namespace whose subscriber always throws.</summary>
    public const string Failures = "failures";

    /// <summary>Namespace of the rewind tests, so that only they fill its partitions' caches.</summary>
    public const string Rewind = "rewind";

    /// <summary>Every namespace the test provider serves.</summary>
    public static readonly string[] All = [Alerts, Sessions, External, Failures, Rewind];

    /// <summary>Builds the events <paramref name="first"/>..<paramref name="first"/>+<paramref name="count"/>-1, alternating the two concrete types.</summary>
    public static RoomEvent[] Events(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => i % 2 == 0
            ? (RoomEvent)new AlertRaised(Guid.NewGuid(), DateTimeOffset.UtcNow, i, $"alert {i}")
            : new SessionChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, i, "InProgress"))];
}
