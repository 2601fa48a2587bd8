using System.Globalization;
using ProctorWise.SparkConnect;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>What every engine session gets before its first query: a supported server and the jobs' settings.</summary>
internal static class SparkSessionSetup
{
    /// <summary>The oldest Spark the engine drives: 3.5 brought reattachable execution, interrupts and operation tags.</summary>
    public static readonly Version MinimumVersion = new(3, 5);

    /// <summary>
    /// UTC (the lake's timestamps are UTC instants and the job SQL compares them with UTC wall-clock literals); dynamic
    /// partition overwrite (a partitioned write replaces only the partitions it has); ANSI mode off, so a division by
    /// zero is NULL as on DuckDB instead of an error (Spark 4 turns ANSI on by default).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["spark.sql.session.timeZone"] = "UTC",
        ["spark.sql.sources.partitionOverwriteMode"] = "dynamic",
        ["spark.sql.ansi.enabled"] = "false",
    };

    public static async Task PrepareAsync(SparkConnectSession session, CancellationToken cancellationToken)
    {
        var version = await session.GetSparkVersionAsync(cancellationToken).ConfigureAwait(false);
        if (Parse(version) < MinimumVersion)
        {
            throw new NotSupportedException(
                $"The Spark Connect server runs Spark {version}; the analytics engine needs {MinimumVersion} or later (reattachable execution, interrupts and operation tags).");
        }

        await session.SetConfigAsync(Settings, cancellationToken).ConfigureAwait(false);
    }

    internal static Version Parse(string version)
    {
        var numbers = version.Split('.', '-').Take(2).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return new Version(numbers.ElementAtOrDefault(0), numbers.ElementAtOrDefault(1));
    }
}
