using System.Globalization;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>The lake's folders as the DuckDB engine sees them: a local root with <c>raw/</c> and <c>processed/</c>.</summary>
internal static class LocalLake
{
    /// <summary>
    /// The local folder of <paramref name="lakeRoot"/> (a path or a <c>file://</c> URI). Any other scheme is refused
    /// with a message that says why: DuckDB reaches WebHDFS only through httpfs, which cannot be installed offline.
    /// </summary>
    public static string Root(string lakeRoot)
    {
        if (string.IsNullOrWhiteSpace(lakeRoot))
        {
            throw new ArgumentException("The lake root is empty; it must be a local folder.", nameof(lakeRoot));
        }

        if (Uri.TryCreate(lakeRoot, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            throw new NotSupportedException(
                $"The DuckDB analytics engine reads a local-folder lake only, and the lake root '{lakeRoot}' is a {uri.Scheme} address. " +
                "DuckDB cannot reach WebHDFS here (its httpfs extension cannot be installed offline): point the lake at a local " +
                "or mounted folder, or run the jobs on the Spark engine.");
        }

        return Path.GetFullPath(uri is { IsFile: true } ? uri.LocalPath : lakeRoot);
    }

    /// <summary>
    /// The complete Parquet files of each date partition <paramref name="input"/> reads for <paramref name="period"/>,
    /// by day. Files whose names start with '_' or '.' are a writer's temporary files and are never read.
    /// </summary>
    public static SortedDictionary<DateOnly, string[]> Partitions(string root, JobInput input, AnalyticsPeriod period) =>
        Partitions(root, input.Definition, day => input.Reads(period, day));

    /// <summary>The complete Parquet files of every date partition of <paramref name="input"/> that <paramref name="reads"/> accepts, by day.</summary>
    public static SortedDictionary<DateOnly, string[]> Partitions(string root, InputDefinition input, Func<DateOnly, bool> reads)
    {
        var result = new SortedDictionary<DateOnly, string[]>();
        var namespaceFolder = Path.Combine(root, "raw", input.Namespace);
        if (!Directory.Exists(namespaceFolder))
        {
            return result;
        }

        foreach (var dateFolder in Directory.EnumerateDirectories(namespaceFolder, "date=*"))
        {
            var name = Path.GetFileName(dateFolder);
            if (!DateOnly.TryParseExact(name.AsSpan("date=".Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !reads(day))
            {
                continue;
            }

            var typeFolder = Path.Combine(dateFolder, "type=" + input.EventType);
            if (!Directory.Exists(typeFolder))
            {
                continue;
            }

            var files = Directory.EnumerateFiles(typeFolder, "*.parquet")
                .Where(f => Path.GetFileName(f) is var file && file.StartsWith("part-", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Length > 0)
            {
                result[day] = files;
            }
        }

        return result;
    }

    /// <summary>The folder of a job's outputs.</summary>
    public static string JobFolder(string root, string job) => Path.Combine(root, "processed", job);

    /// <summary>A SQL string literal of <paramref name="text"/>.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
