using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>The few plans the engine sends: SQL queries, Parquet reads, temporary views and Parquet writes.</summary>
internal static class SparkPlans
{
    public static Relation Sql(string query, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var sql = new SQL { Query = query };
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            sql.NamedArguments[name] = new Expression { Literal = new Expression.Types.Literal { String = value } };
        }

        return new Relation { Sql = sql };
    }

    /// <summary>Parquet files or folders, columns merged by name (files written before a field existed lack it).</summary>
    public static Relation Parquet(IEnumerable<string> paths)
    {
        var source = new Read.Types.DataSource { Format = "parquet" };
        source.Paths.AddRange(paths);
        source.Options["mergeSchema"] = "true";
        return new Relation { Read = new Read { DataSource = source } };
    }

    public static Command View(string name, Relation input) =>
        new() { CreateDataframeView = new CreateDataFrameViewCommand { Name = name, Input = input, Replace = true } };

    /// <summary>
    /// Writes <paramref name="input"/> to one Parquet folder, replacing it. Coalesced to one partition without a
    /// shuffle, so the file keeps the order of the dataset's ORDER BY (the outputs are small aggregates).
    /// </summary>
    public static Command Write(Relation input, string path) => new()
    {
        WriteOperation = new WriteOperation
        {
            Input = new Relation { Repartition = new Repartition { Input = input, NumPartitions = 1, Shuffle = false } },
            Source = "parquet",
            Path = path,
            Mode = WriteOperation.Types.SaveMode.Overwrite,
        },
    };

    public static Plan Query(Relation relation) => new() { Root = relation };
}
