namespace ProctorWise.Grains.Ports;

/// <summary>
/// The rules of lake paths: relative to the lake's root, '/'-separated, no empty, '.' or '..' segment, no
/// backslash or control character. Every <see cref="ILakeStorage"/> checks its arguments with <see cref="Check"/>,
/// so no path can climb out of the lake's root.
/// </summary>
public static class LakePaths
{
    /// <summary>
    /// The prefix of temporary files. Spark and Hadoop input formats skip names that start with '_' or '.';
    /// DuckDB's glob does not skip them, which is why temporary names also end in <see cref="TemporarySuffix"/>.
    /// </summary>
    public const string TemporaryPrefix = "_";

    /// <summary>The suffix of temporary files: a <c>*.parquet</c> glob never matches them.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Returns <paramref name="path"/> when it is a valid lake path; throws otherwise.</summary>
    /// <param name="path">The path.</param>
    /// <param name="allowRoot">Whether the empty path (the lake's root) is accepted.</param>
    /// <param name="parameterName">Named in the exception.</param>
    /// <exception cref="ArgumentException">The path is absolute, climbs up or has an empty segment.</exception>
    public static string Check(string path, bool allowRoot = false, string parameterName = "path")
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        if (path.Length == 0)
        {
            return allowRoot ? path : throw new ArgumentException("The lake path is empty.", parameterName);
        }

        if (path[0] == '/')
        {
            throw new ArgumentException($"The lake path '{path}' is absolute; lake paths are relative to the lake's root.", parameterName);
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                throw new ArgumentException($"The lake path '{path}' has an empty segment.", parameterName);
            }

            if (segment is "." or "..")
            {
                throw new ArgumentException($"The lake path '{path}' has a '{segment}' segment.", parameterName);
            }

            if (segment.Contains('\\', StringComparison.Ordinal) || segment.Any(char.IsControl) || segment.Contains(':', StringComparison.Ordinal))
            {
                // ':' is refused because HDFS refuses it, and '\' because it separates folders on Windows.
                throw new ArgumentException($"The lake path '{path}' has a segment with '\\', ':' or a control character.", parameterName);
            }
        }

        return path;
    }

    /// <summary>Joins lake paths with '/'; the empty path (the root) contributes nothing.</summary>
    public static string Combine(params ReadOnlySpan<string> parts)
    {
        var joined = string.Join('/', parts.ToArray().Where(p => p.Length > 0));
        return Check(joined, allowRoot: true);
    }

    /// <summary>The directory holding <paramref name="path"/> (the empty path for a top-level entry).</summary>
    public static string ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>The last segment of <paramref name="path"/>.</summary>
    public static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>
    /// A fresh hidden name beside <paramref name="path"/> to write to before renaming onto it: it starts with
    /// <see cref="TemporaryPrefix"/> and ends with <see cref="TemporarySuffix"/>.
    /// </summary>
    public static string TemporaryFor(string path) =>
        Combine(ParentOf(path), $"{TemporaryPrefix}{NameOf(path)}.{Guid.NewGuid():N}{TemporarySuffix}");

    /// <summary>Whether a name is hidden from readers (a temporary file, or any '_' or '.' name).</summary>
    public static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');
}
