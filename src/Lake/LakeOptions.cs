namespace ProctorWise.Lake;

/// <summary>The lake's storage and the event writer's batches (configuration section <c>Lake</c>, docs/lake.md).</summary>
public sealed class LakeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Lake";

    /// <summary>Where the files are kept: <c>local</c> (default) or <c>webhdfs</c>.</summary>
    public LakeProvider Provider { get; set; } = LakeProvider.Local;

    /// <summary>
    /// The lake's folder with the local provider. With several silos it must be one shared volume. Default: the
    /// user's local application data folder, <c>ProctorWise/lake</c> (beside the evidence store's <c>ProctorWise/evidence</c>).
    /// </summary>
    public string Path { get; set; } = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "ProctorWise", "lake");

    /// <summary>The lake's directory on HDFS with the webhdfs provider: an absolute HDFS path.</summary>
    public string Root { get; set; } = "/proctorwise/lake";

    /// <summary>The WebHDFS client's settings.</summary>
    public LakeWebHdfsOptions WebHdfs { get; set; } = new();

    /// <summary>The event writer flushes once this many events wait.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>The event writer flushes once the oldest waiting event has waited this long.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);
}
