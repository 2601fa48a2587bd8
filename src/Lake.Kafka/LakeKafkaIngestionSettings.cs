using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Lake.Kafka;

/// <summary>What the lake's consumer group reads, decided by the composition from the stream provider's settings.</summary>
/// <param name="Streams">The Kafka stream provider's options: brokers, client settings, topic prefix, event types, JSON.</param>
/// <param name="GroupId">The lake's own consumer group (not the provider's, whose offsets record Orleans delivery).</param>
/// <param name="Namespaces">The fact namespaces; one topic each.</param>
public sealed record class LakeKafkaIngestionSettings(KafkaStreamOptions Streams, string GroupId, IReadOnlyList<string> Namespaces)
{
    /// <summary>The first wait after a failed flush; it doubles up to <see cref="LastRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between flush attempts while the lake fails.</summary>
    public TimeSpan LastRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one poll waits for records before the due-check runs.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The lake's group id for a provider group (or service id): <c>&lt;group&gt;.lake</c>.</summary>
    public static string GroupFor(string providerGroupOrServiceId) => providerGroupOrServiceId + ".lake";
}
