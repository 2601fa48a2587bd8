using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>
/// Runs the job catalog on DuckDB in process, over a local-folder lake, writing Parquet. Each run and each read
/// opens its own in-memory database on a worker thread (never the caller's: a grain awaiting a run keeps its
/// scheduler free), bounded by <see cref="DuckDbAnalyticsOptions.MaxConcurrentRuns"/> and
/// <see cref="DuckDbAnalyticsOptions.MaxConcurrentReads"/>. Cancelling interrupts the running DuckDB statement.
/// </summary>
public sealed class DuckDbAnalyticsEngine : IAnalyticsEngine, IAnalyticsReports, IAnalyticsEngineProbe, IDisposable
{
    private readonly DuckDbAnalyticsOptions _options;
    private readonly ILogger<DuckDbAnalyticsEngine> _logger;
    private readonly SemaphoreSlim _runs;
    private readonly SemaphoreSlim _reads;

    // One run per job and period at a time in this process (the job grain keeps it so across silos), so one run
    // never deletes the staging folder of another.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _periodLocks = new(StringComparer.Ordinal);

    /// <summary>Creates the engine.</summary>
    public DuckDbAnalyticsEngine(IOptions<DuckDbAnalyticsOptions> options, ILogger<DuckDbAnalyticsEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _runs = new SemaphoreSlim(_options.MaxConcurrentRuns, _options.MaxConcurrentRuns);
        _reads = new SemaphoreSlim(_options.MaxConcurrentReads, _options.MaxConcurrentReads);
    }

    /// <summary>Test hook: called after each dataset is staged, with its name; an exception fails the run there.</summary>
    internal Action<string>? AfterDatasetStaged { get; set; }

    /// <inheritdoc/>
    public async Task<AnalyticsRunResult> RunAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = Job(request.Job, request.Period, nameof(request));
        var root = Root(request.LakeRoot);
        var periodLock = _periodLocks.GetOrAdd($"{job.Name}/{request.Period.Key}", _ => new SemaphoreSlim(1, 1));
        await periodLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OnWorkerAsync(_runs, () => Run(root, job, request.Period, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            periodLock.Release();
        }
    }

    /// <inheritdoc/>
    public Task<AnalyticsInputReport> CheckInputsAsync(AnalyticsRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = Job(request.Job, request.Period, nameof(request));
        var root = Root(request.LakeRoot);
        return OnWorkerAsync(_reads, () => InputReport.Build(root, job, request.Period), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<AnalyticsPage?> ReadAsync(AnalyticsPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = Job(request.Job, request.Period, nameof(request));
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

        var root = Root(request.LakeRoot);
        var folder = Path.Combine(LocalLake.JobFolder(root, job.Name), request.Period.Key, request.Dataset);
        return OnWorkerAsync(_reads, () => DatasetReader.Read(folder, request, () => Open(_options), cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, AnalyticsPage>> QueryAsync(AnalyticsReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = Root(request.LakeRoot);
        return OnWorkerAsync(_reads, () => ReportRunner.Run(root, request, () => Open(_options), cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _runs.Dispose();
        _reads.Dispose();
        foreach (var periodLock in _periodLocks.Values)
        {
            periodLock.Dispose();
        }
    }

    private static AnalyticsJobDefinition Job(string name, AnalyticsPeriod period, string parameter)
    {
        ArgumentNullException.ThrowIfNull(period, parameter);
        var job = JobCatalog.Find(name) ?? throw new InvalidAnalyticsRequestException("job",
            $"'{name}' is not an analytics job; the jobs are {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
        if (period.Kind != job.PeriodKind)
        {
            throw new InvalidAnalyticsRequestException("period",
                $"{job.Name} runs over {job.PeriodKind.ToString().ToLowerInvariant()} periods, not {period.Kind.ToString().ToLowerInvariant()} ones ({AnalyticsPeriod.Example(job.PeriodKind)}).");
        }

        return job;
    }

    // DuckDB calls block their thread for the whole query: they run on a dedicated worker thread, never on the
    // caller's scheduler (an Orleans grain's), and the semaphore bounds how many run at once.
    internal static async Task<T> OnWorkerAsync<T>(SemaphoreSlim gate, Func<T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private string Root(string lakeRoot)
    {
        try
        {
            return LocalLake.Root(lakeRoot);
        }
        catch (NotSupportedException exception)
        {
            _logger.LogError(exception, "Analytics cannot run: {Reason}", exception.Message);
            throw;
        }
    }

    private AnalyticsRunResult Run(string root, AnalyticsJobDefinition job, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var jobFolder = LocalLake.JobFolder(root, job.Name);
        Directory.CreateDirectory(jobFolder);
        var target = Path.Combine(jobFolder, period.Key);
        CleanUp(jobFolder, period.Key, target);
        var staging = Path.Combine(jobFolder, $".staging-{period.Key}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var results = new List<AnalyticsDatasetResult>();
        try
        {
            using (var connection = Open(_options))
            {
                foreach (var input in job.Inputs)
                {
                    var partitions = LocalLake.Partitions(root, input, period);
                    Execute(connection, $"CREATE VIEW {input.Definition.ViewName} AS {InputView(connection, input.Definition, partitions, input.Deduplicate)}", cancellationToken);
                }

                foreach (var view in job.Views)
                {
                    Execute(connection, $"CREATE VIEW {view.Name} AS {view.Sql(period)}", cancellationToken);
                }

                foreach (var dataset in job.Datasets)
                {
                    var folder = Path.Combine(staging, dataset.Name);
                    Directory.CreateDirectory(folder);
                    var file = LocalLake.Quote(Path.Combine(folder, "part-00000.parquet"));
                    Execute(connection, $"COPY ({dataset.Sql(period)}) TO {file} (FORMAT parquet)", cancellationToken);
                    Execute(connection, $"CREATE VIEW {dataset.Name} AS SELECT * FROM read_parquet({file})", cancellationToken);
                    var rows = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {dataset.Name}", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                    results.Add(new AnalyticsDatasetResult(dataset.Name, rows));
                    AfterDatasetStaged?.Invoke(dataset.Name);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            DirectorySwap.Replace(staging, target, $".previous-{period.Key}-{Guid.NewGuid():N}");
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Analytics {Job} {Period} written in {Elapsed} ms: {Rows}", job.Name, period.Key,
                    clock.ElapsedMilliseconds, string.Join(", ", results.Select(r => $"{r.Name} {r.Rows}")));
            }
            return new AnalyticsRunResult(job.Name, period.Key, results, clock.Elapsed);
        }
        catch (DuckDBException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{job.Name} {period.Key} was cancelled.", exception, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    // A run that died between moving the old output aside and moving the new one in (only where folders cannot be
    // exchanged atomically) left the period without output: put the old one back. Then drop what dead runs staged.
    private static void CleanUp(string jobFolder, string periodKey, string target)
    {
        var aside = Directory.GetDirectories(jobFolder, $".previous-{periodKey}-*");
        if (!Directory.Exists(target) && aside.Length > 0)
        {
            Directory.Move(aside.OrderByDescending(Directory.GetLastWriteTimeUtc).First(), target);
        }

        foreach (var leftover in Directory.GetDirectories(jobFolder, $".previous-{periodKey}-*")
                     .Concat(Directory.GetDirectories(jobFolder, $".staging-{periodKey}-*")))
        {
            Directory.Delete(leftover, recursive: true);
        }
    }

    internal static string InputView(DuckDBConnection connection, InputDefinition input, SortedDictionary<DateOnly, string[]> partitions, bool deduplicate = true)
    {
        if (partitions.Count == 0)
        {
            return input.EmptyViewSql();
        }

        // Explicit file names, not a glob: a file a lake writer renames into place during the run is not half read.
        // union_by_name lets files written before a field was added sit beside newer ones.
        var files = string.Join(", ", partitions.Values.SelectMany(f => f).Select(LocalLake.Quote));
        var source = $"read_parquet([{files}], union_by_name = true, hive_partitioning = false)";
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = $"DESCRIBE SELECT * FROM {source}";
            using var reader = describe.ExecuteReader();
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        return input.ViewSql(source + " AS files", present, column => $"epoch({column})", deduplicate);
    }

    /// <inheritdoc />
    public string Name => "DuckDB (embedded)";

    /// <inheritdoc />
    public Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        using var connection = Open(_options);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return Task.FromResult($"DuckDB {command.ExecuteScalar()} opens (embedded)");
    }

    /// <summary>An in-memory DuckDB configured from <paramref name="options"/>, in UTC, that never downloads extensions.</summary>
    internal static DuckDBConnection Open(DuckDbAnalyticsOptions options)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var settings = new List<string>
        {
            // Timestamps in the lake are UTC instants; the jobs compare them with UTC wall-clock literals.
            "SET TimeZone = 'UTC'",
            // Everything needed (parquet, icu) is built in; never reach for the network.
            "SET autoinstall_known_extensions = false",
            "SET autoload_known_extensions = false",
        };
        if (options.MemoryLimit is { } memory)
        {
            settings.Add($"SET memory_limit = {LocalLake.Quote(memory)}");
        }

        if (options.Threads is { } threads)
        {
            settings.Add($"SET threads = {threads}");
        }

        if (options.TempDirectory is { } temp)
        {
            settings.Add($"SET temp_directory = {LocalLake.Quote(Path.GetFullPath(temp))}");
        }

        foreach (var setting in settings)
        {
            Execute(connection, setting, CancellationToken.None);
        }

        return connection;
    }

    internal static void Execute(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(command.Cancel);
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(command.Cancel);
        return command.ExecuteScalar();
    }
}
