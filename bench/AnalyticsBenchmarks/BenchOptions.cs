using System.Globalization;
using ProctorWise.Analytics;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>The command line. Every option has a default; the defaults are the full size (10 M anomalies, 1 M submissions).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        ProctorWise analytics benchmark: generates one month of lake data (seeded), runs monthly_user_performance on
        the embedded DuckDB engine, the same aggregation as plain SQL on MariaDB over equivalent tables, and measures
        the lake writer's sustained events/s.

        Usage: ProctorWise.AnalyticsBenchmarks [options]
          --anomalies N          anomalies in the month, each opened and closed (default 10000000)
          --submissions N        sessions, each ending in one submission (default 1000000)
          --students N           students (default 50000)
          --exams N              exams; every tenth has an essay graded by hand (default 2000)
          --teachers N           teachers (default 500)
          --questions N          questions per exam (default 10)
          --month YYYY-MM        the month (default 2026-11)
          --seed N               generator seed (default 42)
          --events-per-write N   events per ParquetEventWriter call, i.e. at most one file per type and day per
                                 that many events (default 100000; production flushes every 1000 or 30 s)
          --duplicates F         fraction of events written twice, as redelivery does (default 0.001)
          --generator-threads N  days generated at once (default: cores)
          --work DIR             where the lake, CSV files and a started MariaDB go (default /tmp/pw-analytics-bench-<pid>)
          --keep                 keep DIR afterwards (default: deleted)
          --duckdb-memory SIZE   Analytics:DuckDb:MemoryLimit (default 1GB, the engine's default)
          --duckdb-threads N     Analytics:DuckDb:Threads (default: DuckDB's, the cores)
          --duckdb-temp DIR      Analytics:DuckDb:TempDirectory, where DuckDB spills (default DIR/duckdb-tmp)
          --mariadb-port P       start a throwaway MariaDB with scripts/mariadb-start.sh in DIR/mariadb on port P
          --mariadb CONN         or use this MariaDB (MySqlConnector connection string)
          --mariadb-buffer-pool SIZE  innodb_buffer_pool_size set before loading, in bytes or with K/M/G (default 1G,
                                 the DuckDB memory limit; needs root: done over the socket when the bench started it)
          --skip-mariadb         no MariaDB side
          --writer-events N      events through LakeEventBatcher for the writer's rate (default 300000; 0 = skip)
          --help                 this text
        """;

    public bool ShowHelp { get; init; }

    public long Anomalies { get; init; } = 10_000_000;

    public int Submissions { get; init; } = 1_000_000;

    public int Students { get; init; } = 50_000;

    public int Exams { get; init; } = 2_000;

    public int Teachers { get; init; } = 500;

    public int Questions { get; init; } = 10;

    public AnalyticsPeriod Month { get; init; } = AnalyticsPeriod.Parse(PeriodKind.Monthly, "2026-11");

    public int Seed { get; init; } = 42;

    public int EventsPerWrite { get; init; } = 100_000;

    public double Duplicates { get; init; } = 0.001;

    public int GeneratorThreads { get; init; } = Environment.ProcessorCount;

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), $"pw-analytics-bench-{Environment.ProcessId}");

    public bool Keep { get; init; }

    public string DuckDbMemory { get; init; } = "1GB";

    public int? DuckDbThreads { get; init; }

    /// <summary>Null: inside the work folder, so a spill never lands in the current directory (DuckDB's default).</summary>
    public string? DuckDbTemp { get; init; }

    public int? MariaDbPort { get; init; }

    public string? MariaDbConnection { get; init; }

    public long MariaDbBufferPool { get; init; } = 1L << 30;

    public bool SkipMariaDb { get; init; }

    public int WriterEvents { get; init; } = 300_000;

    public bool UsesMariaDb => !SkipMariaDb && (MariaDbPort is not null || MariaDbConnection is not null);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--help" or "-h" => options with { ShowHelp = true },
                "--anomalies" => options with { Anomalies = Positive(name, Value()) },
                "--submissions" => options with { Submissions = checked((int)Positive(name, Value())) },
                "--students" => options with { Students = checked((int)Positive(name, Value())) },
                "--exams" => options with { Exams = checked((int)Positive(name, Value())) },
                "--teachers" => options with { Teachers = checked((int)Positive(name, Value())) },
                "--questions" => options with { Questions = checked((int)Positive(name, Value())) },
                "--month" => options with { Month = AnalyticsPeriod.Parse(PeriodKind.Monthly, Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--events-per-write" => options with { EventsPerWrite = checked((int)Positive(name, Value())) },
                "--duplicates" => options with { Duplicates = Fraction(name, Value()) },
                "--generator-threads" => options with { GeneratorThreads = checked((int)Positive(name, Value())) },
                "--work" => options with { WorkDirectory = Path.GetFullPath(Value()) },
                "--keep" => options with { Keep = true },
                "--duckdb-memory" => options with { DuckDbMemory = Value() },
                "--duckdb-threads" => options with { DuckDbThreads = checked((int)Positive(name, Value())) },
                "--duckdb-temp" => options with { DuckDbTemp = Path.GetFullPath(Value()) },
                "--mariadb-port" => options with { MariaDbPort = checked((int)Positive(name, Value())) },
                "--mariadb" => options with { MariaDbConnection = Value() },
                "--mariadb-buffer-pool" => options with { MariaDbBufferPool = Size(name, Value()) },
                "--skip-mariadb" => options with { SkipMariaDb = true },
                "--writer-events" => options with { WriterEvents = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {name}; see --help."),
            };
        }

        return options;
    }

    private static long Positive(string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'.");

    private static double Fraction(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and < 1
            ? value
            : throw new ArgumentException($"{name} must be a fraction in [0, 1), not '{text}'.");

    private static long Size(string name, string text)
    {
        var unit = text.Length > 0 ? char.ToUpperInvariant(text[^1]) : ' ';
        var factor = unit switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1L };
        var digits = factor == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value * factor
            : throw new ArgumentException($"{name} must be a size such as 1073741824, 512M or 1G, not '{text}'.");
    }
}
