namespace ProctorWise.Lake;

/// <summary>The WebHDFS client's settings (<c>Lake:WebHdfs</c>).</summary>
public sealed class LakeWebHdfsOptions
{
    /// <summary>The namenode's HTTP address, e.g. <c>http://namenode:9870</c> (the client adds <c>/webhdfs/v1</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The HDFS user the requests act as (<c>user.name</c>, simple authentication).</summary>
    public string User { get; set; } = "proctorwise";

    /// <summary>How long one request may take before it fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
