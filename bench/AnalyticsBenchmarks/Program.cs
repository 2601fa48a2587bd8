using System.Globalization;
using ProctorWise.AnalyticsBenchmarks;

// One run, one report: generate the month, run the monthly job on DuckDB, the same aggregation on MariaDB, then the
// lake writer. Timings and memory go to stdout as markdown; nothing is asserted (docs/PERFORMANCE.md has the results).
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

Report.Line($"# Analytics benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
Report.Line();
Report.Line($"- machine: {Machine.Describe()}");
Report.Line($"- load average at start (1/5/15 min): {Machine.LoadAverage()}");
Report.Line($"- command line: {string.Join(' ', args)}");
Report.Line(Invariant($"- month {options.Month.Key}: {options.Anomalies:N0} anomalies, {options.Submissions:N0} submissions, {options.Students:N0} students, {options.Exams:N0} exams, {options.Teachers:N0} teachers, {options.Questions} questions per exam, seed {options.Seed}, {options.EventsPerWrite:N0} events per write, {options.Duplicates:P2} redelivered"));

Directory.CreateDirectory(options.WorkDirectory);
var lake = Path.Combine(options.WorkDirectory, "lake");
var csv = options.UsesMariaDb ? Path.Combine(options.WorkDirectory, "csv") : null;
MariaDbServer? server = null;
try
{
    // 1. The lake (and the same facts as CSV for MariaDB).
    var population = Population.Create(options);
    Console.Error.WriteLine($"generating into {lake} …");
    var generated = await new MonthGenerator(options, population).RunAsync(lake, csv, cancel.Token);
    Report.Line();
    Report.Line("## Generated lake");
    Report.Line();
    Report.Line("| table | rows |");
    Report.Line("|---|---:|");
    foreach (var (table, rows) in generated.RowsByTable)
    {
        Report.Line(Invariant($"| {table} | {rows:N0} |"));
    }

    Report.Line();
    Report.Line(Invariant($"- generation: **{generated.Elapsed.TotalSeconds:F1} s** ({options.GeneratorThreads} threads; {(csv is null ? "no CSV, no MariaDB side" : $"includes writing the CSV for MariaDB, {Gb(generated.CsvBytes)}")})"));
    Report.Line(Invariant($"- lake on disk: **{Gb(generated.LakeBytes)}** in {generated.LakeFiles:N0} files; {generated.Duplicates:N0} events written twice (redelivery)"));

    // 2. The monthly job on DuckDB, through the production engine.
    Console.Error.WriteLine("monthly_user_performance on DuckDB …");
    Report.Line();
    Report.Line("## monthly_user_performance on embedded DuckDB (DuckDbAnalyticsEngine.RunAsync)");
    Report.Line();
    var job = await Attempt("the DuckDB job", () => MonthlyJobBench.RunAsync(options, lake, cancel.Token));
    if (job is not null)
    {
        Report.Line(Invariant($"- time: **{job.Wall.TotalSeconds:F1} s** (the engine's own figure {job.Run.Elapsed.TotalSeconds:F1} s; goal < 60 s)"));
        Report.Line(Invariant($"- peak resident memory of the process during the run: **{Mb(job.PeakResident)}** (before the run {Mb(job.BaselineResident)}; VmHWM {(job.PeakWasReset ? "reset before the run" : "not resettable here: sampled every 50 ms")})"));
        Report.Line(Invariant($"- DuckDB memory_limit {job.MemoryLimit}, threads {job.Threads}; largest spill seen in its temp directory {Mb(job.SpillPeakBytes)}"));
        Report.Line($"- rows written: {string.Join(", ", job.Run.Datasets.Select(d => Invariant($"{d.Name} {d.Rows:N0}")))}");
        Report.Line($"- digest: {job.Digest}");
    }

    // 3. The same aggregation on MariaDB.
    MariaDbResult? maria = null;
    if (options.UsesMariaDb)
    {
        var connection = options.MariaDbConnection;
        if (connection is null)
        {
            server = new MariaDbServer(MariaDbServer.FindRepositoryRoot(), Path.Combine(options.WorkDirectory, "mariadb"), options.MariaDbPort!.Value);
            Console.Error.WriteLine("starting MariaDB …");
            await server.StartAsync(cancel.Token);
            await server.RootAsync(Invariant($"SET GLOBAL innodb_buffer_pool_size = {options.MariaDbBufferPool}"), cancel.Token);
            connection = server.ConnectionString;
        }

        Console.Error.WriteLine("loading MariaDB and running the aggregation …");
        Report.Line();
        Report.Line("## The same aggregation on MariaDB (plain SQL over the original's tables)");
        Report.Line();
        maria = await Attempt("the MariaDB side", () => MariaDbBench.RunAsync(connection, csv!, options.Month, server?.ProcessId, cancel.Token));
        if (server is null)
        {
            await MariaDbBench.DropAsync(connection, cancel.Token);
        }
    }

    if (maria is not null)
    {
        Report.Line($"- server {maria.Version}");
        Report.Line(Invariant($"- innodb_buffer_pool_size {Mb(maria.BufferPoolBytes)}"));
        Report.Line(Invariant($"- load (LOAD DATA LOCAL INFILE, then secondary indexes and ANALYZE; not in the query time): **{maria.Load.TotalSeconds:F1} s** — {string.Join(", ", maria.RowsLoaded.Select(r => Invariant($"{r.Key} {r.Value:N0}")))}"));
        Report.Line(Invariant($"- query (user_profiles and the five derived tables, written as tables): **{maria.Query.TotalSeconds:F1} s**"));
        if (maria.ServerPeakDuringQuery is { } serverPeak)
        {
            Report.Line(Invariant($"- mariadbd peak resident memory during the query: {Mb(serverPeak)} (VmHWM reset before it; the buffer pool was filled by the load)"));
        }

        Report.Line($"- rows written: {string.Join(", ", maria.RowsWritten.Select(r => Invariant($"{r.Key} {r.Value:N0}")))}");
        Report.Line($"- digest: {maria.Digest}");
        if (job is not null)
        {
            Report.Line($"- same result as DuckDB: **{(maria.Digest.Matches(job.Digest) ? "yes" : "NO")}**");
            Report.Line(Invariant($"- MariaDB query time / DuckDB job time: **{maria.Query.TotalSeconds / job.Wall.TotalSeconds:F2}×**"));
        }
    }

    // 4. The lake writer.
    WriterResult? writer = null;
    if (options.WriterEvents > 0)
    {
        Console.Error.WriteLine("lake writer …");
        Report.Line();
        Report.Line("## Lake writer (LakeEventBatcher + LocalLakeStorage, default options)");
        Report.Line();
        writer = await Attempt("the lake writer", () => WriterBench.RunAsync(options, population, Path.Combine(options.WorkDirectory, "writer"), cancel.Token));
        if (writer is not null)
        {
            Report.Line(Invariant($"- {writer.Events:N0} events in {writer.Elapsed.TotalSeconds:F1} s: **{writer.EventsPerSecond:N0} events/s**, {writer.Flushes:N0} flushes of {writer.BatchSize} events, {writer.Files:N0} files, {Mb(writer.Bytes)}"));
        }
    }

    Report.Line();
    Report.Line($"- load average at end (1/5/15 min): {Machine.LoadAverage()}");
    Report.Line();
    Report.Line("| figure | value |");
    Report.Line("|---|---:|");
    Report.Line(Invariant($"| generation | {generated.Elapsed.TotalSeconds:F1} s |"));
    Report.Line(Invariant($"| lake on disk | {Gb(generated.LakeBytes)} |"));
    if (job is not null)
    {
        Report.Line(Invariant($"| DuckDB monthly job | {job.Wall.TotalSeconds:F1} s |"));
        Report.Line(Invariant($"| peak resident memory (memory_limit {job.MemoryLimit}) | {Mb(job.PeakResident)} |"));
    }

    if (maria is not null)
    {
        Report.Line(Invariant($"| MariaDB load | {maria.Load.TotalSeconds:F1} s |"));
        Report.Line(Invariant($"| MariaDB query | {maria.Query.TotalSeconds:F1} s |"));
    }

    if (job is not null && maria is not null)
    {
        Report.Line(Invariant($"| MariaDB query / DuckDB job | {maria.Query.TotalSeconds / job.Wall.TotalSeconds:F2}× |"));
    }

    if (writer is not null)
    {
        Report.Line(Invariant($"| lake writer | {writer.EventsPerSecond:N0} events/s |"));
    }

    return 0;
}
finally
{
    if (server is not null)
    {
        await server.StopAsync(CancellationToken.None);
    }

    if (!options.Keep && Directory.Exists(options.WorkDirectory))
    {
        Directory.Delete(options.WorkDirectory, recursive: true);
    }
}

// A phase that fails is reported and the run goes on, so one failure at full size does not lose the other figures.
static async Task<T?> Attempt<T>(string phase, Func<Task<T>> work)
    where T : class
{
    try
    {
        return await work();
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        Report.Line($"- **{phase} failed**: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine(e);
        return null;
    }
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static string Gb(long bytes) => Invariant($"{bytes / (1024.0 * 1024 * 1024):F2} GiB");

static string Mb(long bytes) => Invariant($"{bytes / (1024.0 * 1024):N0} MiB");
