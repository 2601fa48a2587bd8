namespace ProctorWise.Vision.Onnx;

/// <summary>Finds a model file from a configured path; never takes a path from a request.</summary>
internal static class ModelFiles
{
    /// <summary>The absolute path of an existing file, or null.</summary>
    public static string? Locate(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (Path.IsPathRooted(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var fromWorkingDirectory = Path.GetFullPath(configured);
        if (File.Exists(fromWorkingDirectory))
        {
            return fromWorkingDirectory;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
