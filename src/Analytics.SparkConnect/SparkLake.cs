using System.Globalization;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>
/// The lake as the engine sees it twice: through <see cref="ILakeStorage"/> (the silo lists partitions, swaps staged
/// outputs and keeps run markers) and through the cluster's address of the same root (Spark reads and writes there).
/// </summary>
internal sealed class SparkLake(ILakeStorage storage, string clusterRoot)
{
    public ILakeStorage Storage { get; } = storage;

    /// <summary>The cluster's address of a lake path (relative, '/'-separated).</summary>
    public string ClusterPath(string relative) => clusterRoot.TrimEnd('/') + "/" + relative;

    /// <summary>
    /// The complete Parquet files of each date partition of <paramref name="input"/> that <paramref name="reads"/> accepts,
    /// by day, as lake paths. Names starting with '_' or '.' are a writer's temporary files and are never read.
    /// </summary>
    public async Task<SortedDictionary<DateOnly, string[]>> PartitionsAsync(InputDefinition input, Func<DateOnly, bool> reads, CancellationToken cancellationToken)
    {
        var result = new SortedDictionary<DateOnly, string[]>();
        var namespaceFolder = $"raw/{input.Namespace}";
        if (await Storage.GetEntryAsync(namespaceFolder, cancellationToken).ConfigureAwait(false) is not { IsDirectory: true })
        {
            return result;
        }

        foreach (var dateFolder in await Storage.ListAsync(namespaceFolder, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!dateFolder.IsDirectory || !dateFolder.Name.StartsWith("date=", StringComparison.Ordinal)
                || !DateOnly.TryParseExact(dateFolder.Name.AsSpan("date=".Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !reads(day))
            {
                continue;
            }

            var typeFolder = $"{dateFolder.Path}/type={input.EventType}";
            if (await Storage.GetEntryAsync(typeFolder, cancellationToken).ConfigureAwait(false) is not { IsDirectory: true })
            {
                continue;
            }

            var files = (await Storage.ListAsync(typeFolder, cancellationToken: cancellationToken).ConfigureAwait(false))
                .Where(e => !e.IsDirectory && e.Name.StartsWith("part-", StringComparison.Ordinal) && e.Name.EndsWith(".parquet", StringComparison.Ordinal))
                .Select(e => e.Path)
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Length > 0)
            {
                result[day] = files;
            }
        }

        return result;
    }

    /// <summary>Whether a written dataset folder holds at least one Parquet part.</summary>
    public async Task<bool> HasPartsAsync(string folder, CancellationToken cancellationToken) =>
        await Storage.GetEntryAsync(folder, cancellationToken).ConfigureAwait(false) is { IsDirectory: true }
        && (await Storage.ListAsync(folder, cancellationToken: cancellationToken).ConfigureAwait(false))
            .Any(e => !e.IsDirectory && e.Name.StartsWith("part-", StringComparison.Ordinal) && e.Name.EndsWith(".parquet", StringComparison.Ordinal));
}
