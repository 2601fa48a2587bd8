using Grpc.Core;
using ProctorWise.SparkConnect.Protocol;
using static ProctorWise.SparkConnect.Tests.FakeServerFixture;

namespace ProctorWise.SparkConnect.Tests;

/// <summary>Session calls against the fake: Config, AnalyzePlan, ReleaseSession, the bearer token, commands.</summary>
public sealed class SparkConnectSessionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfigIsSetAndReadBack()
    {
        await using var fake = await StartAsync();
        await using var session = fake.Client.OpenSession();
        await session.SetConfigAsync(new Dictionary<string, string> { ["spark.sql.session.timeZone"] = "UTC" }, Token);
        var values = await session.GetConfigAsync(["spark.sql.session.timeZone", "spark.unset"], Token);

        Assert.Equal("UTC", values["spark.sql.session.timeZone"]);
        Assert.Null(values["spark.unset"]);
    }

    [Fact]
    public async Task TheVersionAndASchemaComeFromAnalyzePlan()
    {
        await using var fake = await StartAsync();
        await using var session = fake.Client.OpenSession();

        Assert.Equal("4.0.1", await session.GetSparkVersionAsync(Token));
        var schema = await session.AnalyzeSchemaAsync(Sql("SELECT 1 AS one, 'x' AS two"), Token);
        Assert.Equal(["one", "two"], schema.Struct.Fields.Select(f => f.Name));
        Assert.Equal(DataType.KindOneofCase.String, schema.Struct.Fields[1].DataType.KindCase);
    }

    [Fact]
    public async Task DisposingReleasesTheSessionOnTheServer()
    {
        await using var fake = await StartAsync();
        var session = fake.Client.OpenSession();
        await session.GetSparkVersionAsync(Token);
        await session.DisposeAsync();

        Assert.Equal(session.SessionId, Assert.Single(fake.Server.Requests<ReleaseSessionRequest>("ReleaseSession")).SessionId);
        var error = await Assert.ThrowsAsync<SparkSessionChangedException>(() => session.GetSparkVersionAsync(Token));
        Assert.Equal(SparkErrorClasses.SessionClosed, error.ErrorClass);
    }

    [Fact]
    public async Task TheTokenTravelsAsABearerHeader()
    {
        await using var fake = await StartAsync(";token=s3cret;use_ssl=false;user_id=analytics");
        fake.Server.RequiredToken = "s3cret";
        await using var session = fake.Client.OpenSession();
        await session.GetSparkVersionAsync(Token);

        var call = Assert.Single(fake.Server.Calls);
        Assert.Equal("Bearer s3cret", call.Authorization);
        Assert.Equal("analytics", ((AnalyzePlanRequest)call.Request).UserContext.UserId);
    }

    [Fact]
    public async Task AWrongTokenIsRefused()
    {
        await using var fake = await StartAsync(";token=wrong;use_ssl=false");
        fake.Server.RequiredToken = "s3cret";
        await using var session = fake.Client.OpenSession();
        var error = await Assert.ThrowsAsync<SparkConnectException>(() => session.GetSparkVersionAsync(Token));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task ViewsAndParquetWritesWorkThroughCommands()
    {
        await using var fake = await StartAsync();
        await using var session = fake.Client.OpenSession();
        var folder = Path.Combine(Path.GetTempPath(), "pw-spark-" + Guid.NewGuid().ToString("N"));
        try
        {
            await session.ExecuteCommandAsync(new Command
            {
                WriteOperation = new WriteOperation
                {
                    Input = new Relation { Sql = new SQL { Query = "SELECT i, i % 2 AS odd FROM range(5) AS t(i)" } },
                    Source = "parquet",
                    Path = folder,
                    Mode = WriteOperation.Types.SaveMode.Overwrite,
                },
            }, cancellationToken: Token);
            var read = new Relation { Read = new Read { DataSource = new Read.Types.DataSource { Format = "parquet", Paths = { folder } } } };
            await session.ExecuteCommandAsync(new Command { CreateDataframeView = new CreateDataFrameViewCommand { Input = read, Name = "numbers", Replace = true } }, cancellationToken: Token);
            var query = new Relation { Sql = new SQL { Query = "SELECT count(*) AS n FROM numbers WHERE odd = :odd" } };
            query.Sql.NamedArguments["odd"] = new Expression { Literal = new Expression.Types.Literal { Long = 1 } };
            using var result = await session.ExecuteAsync(new Plan { Root = query }, cancellationToken: Token);

            Assert.Equal(2L, Assert.Single(result.Rows())[0]);
            Assert.True(File.Exists(Path.Combine(folder, "_SUCCESS")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
