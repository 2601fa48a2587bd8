using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.SparkConnect;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>
/// Runs the job catalog on Apache Spark through Spark Connect: the same SQL files as the DuckDB engine, inputs
/// registered as views over the lake's Parquet, outputs written by Spark and swapped in by the silo, pages and reports
/// read back through Spark. <c>AnalyticsRunRequest.LakeRoot</c> is the lake's root as the cluster addresses it.
/// </summary>
public sealed partial class SparkConnectAnalyticsEngine : IAnalyticsEngine, IAnalyticsReports, IAnalyticsEngineProbe, IDisposable
{
    private readonly SparkConnectAnalyticsOptions _options;
    private readonly ILakeStorage _storage;
    private readonly ILogger _logger;
    private readonly SparkConnectClient _client;
    private readonly SemaphoreSlim _runs;
    private readonly SemaphoreSlim _reads;

    /// <summary>Creates the engine.</summary>
    public SparkConnectAnalyticsEngine(IOptions<SparkConnectAnalyticsOptions> options, ILakeStorage storage, ILoggerFactory loggers)
        : this(options, storage, loggers, new SparkConnectClientOptions())
    {
    }

    internal SparkConnectAnalyticsEngine(IOptions<SparkConnectAnalyticsOptions> options, ILakeStorage storage, ILoggerFactory loggers, SparkConnectClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _storage = storage;
        _logger = loggers.CreateLogger<SparkConnectAnalyticsEngine>();
        _client = new SparkConnectClient(SparkConnectConnectionString.Parse(_options.ConnectionString!), clientOptions, loggers);
        _runs = new SemaphoreSlim(_options.MaxConcurrentRuns, _options.MaxConcurrentRuns);
        _reads = new SemaphoreSlim(_options.MaxConcurrentReads, _options.MaxConcurrentReads);
    }

    /// <inheritdoc/>
    public string Name => $"Spark Connect {_client.Connection.Host}:{_client.Connection.Port}"; // never the token

    /// <inheritdoc/>
    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var session = _client.OpenSession();
            var version = await session.GetSparkVersionAsync(cancellationToken).ConfigureAwait(false);
            return $"{Name} answers (Spark {version})";
        }
        catch (SparkConnectException e)
        {
            throw new AnalyticsEngineException($"{Name} does not answer: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public async Task<AnalyticsRunResult> RunAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = Job(request.Job, request.Period);
        await _runs.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var restarts = 0; ; restarts++)
            {
                try
                {
                    return await new SparkJobRun(_client, Lake(request.LakeRoot), _options, _logger, job, request.Period).RunAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SparkSessionChangedException e) when (restarts < _options.MaxSessionRestarts)
                {
                    // The server restarted: the session's views are gone; a run starts over and replaces the whole period.
                    SparkAnalyticsLog.SessionLost(_logger, e, job.Name, request.Period.Key);
                }
            }
        }
        catch (SparkConnectException e)
        {
            // The job grain records the class and SQLSTATE with the run, and does not retry what fails the same way every time.
            throw new AnalyticsEngineException(e.Message, e.ErrorClass, e.SqlState, IsPermanent(e.Details), e);
        }
        finally
        {
            _runs.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<AnalyticsInputReport> CheckInputsAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = Job(request.Job, request.Period);
        var lake = Lake(request.LakeRoot);
        var partitions = new List<AnalyticsInputPartition>();
        foreach (var input in job.Inputs)
        {
            var existing = await lake.PartitionsAsync(input.Definition, day => input.Reads(request.Period, day), cancellationToken).ConfigureAwait(false);
            var days = new SortedSet<DateOnly>(request.Period.Days);
            days.UnionWith(existing.Keys);
            partitions.AddRange(days.Select(day => new AnalyticsInputPartition(
                input.Definition.Namespace, input.Definition.EventType, day, existing.TryGetValue(day, out var files) ? files.Length : 0)));
        }

        return new AnalyticsInputReport(job.Name, request.Period.Key, partitions);
    }

    /// <inheritdoc/>
    public async Task<AnalyticsPage?> ReadAsync(AnalyticsPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = Job(request.Job, request.Period);
        if (job.FindDataset(request.Dataset) is null)
        {
            throw new InvalidAnalyticsRequestException("dataset",
                $"'{request.Dataset}' is not a dataset of {job.Name}; it has {string.Join(", ", job.Datasets.Select(d => d.Name))}.");
        }

        if (request.Offset < 0)
        {
            throw new InvalidAnalyticsRequestException("offset", $"The offset is {request.Offset}; it must be 0 or more.");
        }

        if (request.Limit is < 1 or > AnalyticsPageRequest.MaxLimit)
        {
            throw new InvalidAnalyticsRequestException("limit", $"The limit is {request.Limit}; it must be between 1 and {AnalyticsPageRequest.MaxLimit}.");
        }

        var lake = Lake(request.LakeRoot);
        var folder = $"processed/{job.Name}/{request.Period.Key}/{request.Dataset}";
        if (!await lake.HasPartsAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var session = _client.OpenSession();
            await SparkSessionSetup.PrepareAsync(session, cancellationToken).ConfigureAwait(false);
            var options = new SparkExecuteOptions { Timeout = _options.JobTimeout };
            await session.ExecuteCommandAsync(SparkPlans.View("page", SparkPlans.Parquet([lake.ClusterPath(folder)])), options, cancellationToken).ConfigureAwait(false);
            var schema = await session.AnalyzeSchemaAsync(SparkPlans.Query(SparkPlans.Sql("SELECT * FROM page")), cancellationToken).ConfigureAwait(false);
            var columns = schema.Struct.Fields.Select(f => f.Name).ToArray();
            // The sort column is only ever one of the dataset's own names: nothing from a request reaches SQL.
            var sort = request.SortBy is null ? null : columns.FirstOrDefault(c => string.Equals(c, request.SortBy, StringComparison.Ordinal))
                ?? throw new InvalidAnalyticsRequestException("sortBy", $"'{request.SortBy}' is not a column of {request.Dataset}; its columns are {string.Join(", ", columns)}.");
            var total = await SparkViews.CountAsync(session, "SELECT count(*) FROM page", options, cancellationToken).ConfigureAwait(false);
            var order = sort is null ? "" : $" ORDER BY {Identifier(sort)} {(request.Descending ? "DESC" : "ASC")} NULLS LAST";
            var sql = $"SELECT {string.Join(", ", columns.Select(Identifier))} FROM page{order} LIMIT {request.Limit} OFFSET {request.Offset}";
            using var result = await session.ExecuteAsync(SparkPlans.Query(SparkPlans.Sql(sql)), options, cancellationToken).ConfigureAwait(false);
            return new AnalyticsPage(columns, [.. result.Rows()], total);
        }
        finally
        {
            _reads.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, AnalyticsPage>> QueryAsync(AnalyticsReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reports = request.Reports.Select(name => ReportCatalog.Find(name)
            ?? throw new ArgumentException($"'{name}' is not an analytics report.", nameof(request))).ToArray();
        var lake = Lake(request.LakeRoot);
        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var session = _client.OpenSession();
            await SparkSessionSetup.PrepareAsync(session, cancellationToken).ConfigureAwait(false);
            var options = new SparkExecuteOptions { Timeout = _options.JobTimeout };
            foreach (var input in reports.SelectMany(r => r.Inputs).DistinctBy(i => i.ViewName))
            {
                var partitions = await lake.PartitionsAsync(input, _ => true, cancellationToken).ConfigureAwait(false);
                await SparkViews.RegisterInputAsync(session, lake, input, partitions, options, cancellationToken).ConfigureAwait(false);
            }

            foreach (var view in reports.SelectMany(r => r.Views).DistinctBy(v => v.Name))
            {
                await session.ExecuteCommandAsync(SparkPlans.View(view.Name, SparkPlans.Sql(view.Template)), options, cancellationToken).ConfigureAwait(false);
            }

            var pages = new Dictionary<string, AnalyticsPage>(StringComparer.Ordinal);
            foreach (var report in reports)
            {
                var parameters = report.Parameters.ToDictionary(name => name, name => request.Parameters.TryGetValue(name, out var value) ? value
                    : throw new ArgumentException($"The report {report.Name} needs the parameter {name}.", nameof(request)), StringComparer.Ordinal);
                using var result = await session.ExecuteAsync(SparkPlans.Query(SparkPlans.Sql(report.Sql(name => ":" + name), parameters)), options, cancellationToken).ConfigureAwait(false);
                var rows = result.Rows().Select(r => (IReadOnlyList<object?>)[.. r.Select(Normalize)]).ToList();
                pages[report.Name] = new AnalyticsPage(result.Columns, rows, rows.Count);
            }

            return pages;
        }
        finally
        {
            _reads.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _client.Dispose();
        _runs.Dispose();
        _reads.Dispose();
    }

    private SparkLake Lake(string lakeRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lakeRoot);
        return new SparkLake(_storage, lakeRoot);
    }

    private static AnalyticsJobDefinition Job(string name, AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var job = JobCatalog.Find(name) ?? throw new InvalidAnalyticsRequestException("job",
            $"'{name}' is not an analytics job; the jobs are {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
        if (period.Kind != job.PeriodKind)
        {
            throw new InvalidAnalyticsRequestException("period",
                $"{job.Name} runs over {job.PeriodKind.ToString().ToLowerInvariant()} periods, not {period.Kind.ToString().ToLowerInvariant()} ones ({AnalyticsPeriod.Example(job.PeriodKind)}).");
        }

        return job;
    }

    /// <summary>
    /// Whether Spark rejected the SQL itself: SQLSTATE class 42 (syntax error or access rule violation: an unresolved
    /// column, a missing view, a parse error) or an analysis or parse exception. Running it again fails the same way.
    /// </summary>
    internal static bool IsPermanent(SparkErrorDetails details) =>
        details.SqlState?.StartsWith("42", StringComparison.Ordinal) == true
        || details.ExceptionClass?.EndsWith(".AnalysisException", StringComparison.Ordinal) == true
        || details.ExceptionClass?.EndsWith(".ParseException", StringComparison.Ordinal) == true;

    // Reports read whole numbers as long and fractions as double, whatever width the engine chose.
    private static object? Normalize(object? value) => value switch
    {
        int number => (long)number,
        decimal number => (double)number,
        _ => value,
    };

    // Column names come from the dataset's own schema; one that is not a plain name is refused rather than quoted
    // (the quoting differs between Spark and other SQL dialects).
    private static string Identifier(string name) => PlainName().IsMatch(name)
        ? name
        : throw new InvalidOperationException($"The dataset column '{name}' is not a plain SQL name.");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
