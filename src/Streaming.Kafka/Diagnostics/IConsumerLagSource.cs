namespace ProctorWise.Streaming.Kafka.Diagnostics;

/// <summary>A partition reader that can tell how far it is behind the end of its partition.</summary>
internal interface IConsumerLagSource
{
    string Provider { get; }

    string Topic { get; }

    int Partition { get; }

    /// <summary>Reads the lag without a network call (from the watermarks librdkafka caches while fetching).</summary>
    bool TryGetLag(out long lag);
}
