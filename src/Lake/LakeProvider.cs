namespace ProctorWise.Lake;

/// <summary>Where the lake's files are kept (<c>Lake:Provider</c>).</summary>
public enum LakeProvider
{
    /// <summary>A folder (<c>Lake:Path</c>): the embedded default, or a shared volume for several silos.</summary>
    Local,

    /// <summary>HDFS through its WebHDFS REST API (<c>Lake:WebHdfs:Url</c>, <c>Lake:Root</c>).</summary>
    WebHdfs,
}
