namespace ProctorWise.Grains.Ports;

/// <summary>A write or rename would have replaced something that exists, and replacing was not asked for.</summary>
public sealed class LakeFileExistsException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public LakeFileExistsException(string path, string? detail = null)
        : base(detail is null ? $"'{path}' already exists in the lake." : $"'{path}' already exists in the lake: {detail}") => Path = path;

    /// <summary>The path that exists.</summary>
    public string Path { get; }
}
