using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect.Tests;

/// <summary>
/// The client against a real Spark Connect server, when <c>SPARK_REMOTE</c> names one (<c>sc://localhost:15002</c>);
/// otherwise skipped with the reason. No Spark can run on the build machine (no JVM artifact is reachable), so this is
/// what checks the fake's fidelity where a Spark exists (src/SparkConnect/README.md says how to start one).
/// </summary>
[Trait("Category", "Integration")]
public sealed class RealSparkTests
{
    public const string Variable = "SPARK_REMOTE";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARealServerSpeaksTheSubset()
    {
        var remote = Environment.GetEnvironmentVariable(Variable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(remote),
            $"{Variable} is not set, so there is no Spark Connect server to run against; set it (e.g. {Variable}=sc://localhost:15002) after starting one as src/SparkConnect/README.md shows.");

        using var client = new SparkConnectClient(SparkConnectConnectionString.Parse(remote));
        await using var session = client.OpenSession();
        var version = await session.GetSparkVersionAsync(Token);
        Assert.Matches(@"^[34]\.\d+", version);
        await session.SetConfigAsync(new Dictionary<string, string> { ["spark.sql.session.timeZone"] = "UTC" }, Token);
        Assert.Equal("UTC", (await session.GetConfigAsync(["spark.sql.session.timeZone"], Token))["spark.sql.session.timeZone"]);

        var query = new Relation { Sql = new SQL { Query = "SELECT id, CAST(id AS STRING) AS label, DATE '2026-12-05' AS day FROM range(100000) WHERE id % :step = 0" } };
        query.Sql.NamedArguments["step"] = new Expression { Literal = new Expression.Types.Literal { Long = 2 } };
        using var result = await session.ExecuteAsync(new Plan { Root = query }, new SparkExecuteOptions { Tags = ["proctorwise-test"] }, Token);
        Assert.Equal(50000, result.RowCount);
        Assert.Equal(["id", "label", "day"], result.Columns);
        Assert.Equal(new DateOnly(2026, 12, 5), result.Rows().First()[2]);

        var error = await Assert.ThrowsAsync<SparkConnectException>(() => session.ExecuteAsync(new Plan { Root = new Relation { Sql = new SQL { Query = "SELECT * FROM proctorwise_no_such_table" } } }, cancellationToken: Token));
        Assert.Equal("TABLE_OR_VIEW_NOT_FOUND", error.ErrorClass);
        Assert.Equal("42P01", error.SqlState);
    }
}
