using ProctorWise.SparkConnect;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>Registers the jobs' input views in a session, the Spark way.</summary>
internal static class SparkViews
{
    /// <summary>
    /// The input view of <paramref name="input"/>: the partitions' files as a Parquet read (<c>&lt;view&gt;_files</c>),
    /// the columns they have asked of the server (AnalyzePlan), then the catalog's typed, deduplicated SELECT over it.
    /// Epoch seconds come from <c>unix_micros</c>, Spark's word for DuckDB's <c>epoch</c>.
    /// </summary>
    public static async Task RegisterInputAsync(
        SparkConnectSession session, SparkLake lake, InputDefinition input, SortedDictionary<DateOnly, string[]> partitions,
        SparkExecuteOptions options, CancellationToken cancellationToken, bool deduplicate = true)
    {
        if (partitions.Count == 0)
        {
            await session.ExecuteCommandAsync(SparkPlans.View(input.ViewName, SparkPlans.Sql(input.EmptyViewSql())), options, cancellationToken).ConfigureAwait(false);
            return;
        }

        var files = input.ViewName + "_files";
        var paths = partitions.Values.SelectMany(f => f).Select(lake.ClusterPath);
        await session.ExecuteCommandAsync(SparkPlans.View(files, SparkPlans.Parquet(paths)), options, cancellationToken).ConfigureAwait(false);
        var schema = await session.AnalyzeSchemaAsync(SparkPlans.Query(SparkPlans.Sql($"SELECT * FROM {files}")), cancellationToken).ConfigureAwait(false);
        var present = schema.Struct.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var sql = input.ViewSql($"{files} AS files", present, column => $"CAST(unix_micros({column}) AS DOUBLE) / 1000000", deduplicate);
        await session.ExecuteCommandAsync(SparkPlans.View(input.ViewName, SparkPlans.Sql(sql)), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The only value of a one-row, one-column result (a count).</summary>
    public static async Task<long> CountAsync(SparkConnectSession session, string sql, SparkExecuteOptions options, CancellationToken cancellationToken)
    {
        using var result = await session.ExecuteAsync(SparkPlans.Query(SparkPlans.Sql(sql)), options, cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(result.Rows().Single()[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
