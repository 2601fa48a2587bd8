namespace ProctorWise.Hosting.Silo;

/// <summary>Stream delivery settings shared by the memory and Kafka providers (configuration section <c>Streams</c>).</summary>
public sealed class StreamOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Streams";

    /// <summary>The default of <see cref="PollInterval"/>.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long a silo's pulling agent waits after an empty read before reading its queue again. Orleans'
    /// 100 ms default alone would put up to 100 ms between a student's event and the proctor grain; an empty
    /// read is cheap (a local queue or consumer buffer).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;
}
