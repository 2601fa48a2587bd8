using System.Globalization;
using ProctorWise.LoadGenerator.Frames;

namespace ProctorWise.LoadGenerator;

/// <summary>The command line. Every option has a default, so a bare run measures the standard ladder of stages.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        ProctorWise load generator: students send webcam frames and browser events, proctors watch the room
        over SignalR, and every tab_hidden is timed from the student's POST to each proctor's sessionChanged.

        Usage: ProctorWise.LoadGenerator [options]
          --url URL                the app (default http://127.0.0.1:5180)
          --urls URL,URL,...       several API hosts of one cluster: students and proctors are spread over them in turn
          --admin-email EMAIL      bootstrap admin (default admin@load.test)
          --admin-password PWD     its password (default admin-password)
          --stages LIST            student counts, one stage each (default 50,100,200,300,400)
          --students N             a single stage of N students (same as --stages N)
          --proctors M             proctors watching the room (default 4)
          --duration SECONDS       load time per stage (default 60)
          --frame-interval TIME    webcam frame period per student, e.g. 2s or 1500ms; 0 = no frames (default 2s)
          --event-interval TIME    browser event period per student, alternating tab_hidden and resume (default 10s)
          --tiles TIME             each proctor also polls every student's live camera frame at this period with its ETag,
                                   as the room's tiles do (e.g. 2s; default 0 = no tiles)
          --frame-kind KIND        photo (moves 2-3 px per frame), still (fixed, sensor noise only), blob or grey (default photo when the photo exists, else blob)
          --photo PATH             the photo for --frame-kind photo/still (default tests/data/photos/astronaut.png)
          --lead SECONDS           how far ahead of its creation the slot starts (default 30)
          --drain SECONDS          how long to wait for late deliveries after the load stops (default 5)
          --setup-parallelism K    concurrent account, booking and session-start calls (default 4)
          --p99-target MS          the latency goal (default 250)
          --busy-cpu CORES         a stage during which other processes used more CPU than this is repeated (default 0.25)
          --busy-retries N         how often such a stage is repeated at most; the least disturbed run is kept (default 2)
          --quiet-timeout SECONDS  before a stage, wait up to this long for other processes to leave the CPU (default 120; 0 = never wait)
          --app-pid PID            the app's process, for its CPU use (default: found by name)
          --app-command TEXT       how the app was started, copied into the report
          --label TEXT             a title for this run in the report
          --out FILE               markdown results (default load-results.md)
          --raw FILE               also append every delivery as CSV, to look at outliers (default: none)
          --help                   this text
        """;

    public bool ShowHelp { get; init; }

    public Uri Url { get; init; } = new("http://127.0.0.1:5180");

    /// <summary>The API hosts students and proctors are spread over (the first also serves the setup); just <see cref="Url"/> by default.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    /// <summary>Every API host in use.</summary>
    public IReadOnlyList<Uri> Hosts => Urls.Count > 0 ? Urls : [Url];

    public string AdminEmail { get; init; } = "admin@load.test";

    public string AdminPassword { get; init; } = "admin-password";

    public IReadOnlyList<int> Stages { get; init; } = [50, 100, 200, 300, 400];

    public int Proctors { get; init; } = 4;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Zero turns frames off (an events-only run).</summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan EventInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Zero: proctors watch the room's messages only, without camera tiles.</summary>
    public TimeSpan TileInterval { get; init; } = TimeSpan.Zero;

    public FrameKind? FrameKind { get; init; }

    public string PhotoPath { get; init; } = DefaultPhotoPath();

    public TimeSpan Lead { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(5);

    public int SetupParallelism { get; init; } = 4;

    public double P99TargetMs { get; init; } = 250;

    public TimeSpan QuietTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public double BusyCpu { get; init; } = 0.25;

    public int BusyRetries { get; init; } = 2;

    public int? AppPid { get; init; }

    public string? AppCommand { get; init; }

    public string? Label { get; init; }

    public string Out { get; init; } = "load-results.md";

    public string? RawOut { get; init; }

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return options with { ShowHelp = true };
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--url" => options with { Url = new Uri(value, UriKind.Absolute) },
                "--urls" => ParseUrls(options, value),
                "--admin-email" => options with { AdminEmail = value },
                "--admin-password" => options with { AdminPassword = value },
                "--stages" => options with { Stages = ParseStages(value) },
                "--students" => options with { Stages = [Positive(name, value)] },
                "--proctors" => options with { Proctors = Positive(name, value) },
                "--duration" => options with { Duration = ParseTime(name, value, allowZero: false) },
                "--frame-interval" => options with { FrameInterval = ParseTime(name, value, allowZero: true) },
                "--event-interval" => options with { EventInterval = ParseTime(name, value, allowZero: false) },
                "--tiles" => options with { TileInterval = ParseTime(name, value, allowZero: true) },
                "--frame-kind" => options with { FrameKind = Enum.Parse<FrameKind>(value, ignoreCase: true) },
                "--photo" => options with { PhotoPath = value },
                "--lead" => options with { Lead = ParseTime(name, value, allowZero: false) },
                "--drain" => options with { Drain = ParseTime(name, value, allowZero: true) },
                "--setup-parallelism" => options with { SetupParallelism = Positive(name, value) },
                "--p99-target" => options with { P99TargetMs = double.Parse(value, CultureInfo.InvariantCulture) },
                "--busy-cpu" => options with { BusyCpu = double.Parse(value, CultureInfo.InvariantCulture) },
                "--busy-retries" => options with { BusyRetries = int.Parse(value, CultureInfo.InvariantCulture) },
                "--quiet-timeout" => options with { QuietTimeout = ParseTime(name, value, allowZero: true) },
                "--app-pid" => options with { AppPid = Positive(name, value) },
                "--app-command" => options with { AppCommand = value },
                "--label" => options with { Label = value },
                "--out" => options with { Out = value },
                "--raw" => options with { RawOut = value },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        // Frames closer than the server's one-second minimum would be refused (429) by design.
        if (options.FrameInterval > TimeSpan.Zero && options.FrameInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("--frame-interval must be 0 (off) or at least 1s: the server refuses frames less than a second apart.");
        }

        return options;
    }

    private static LoadOptions ParseUrls(LoadOptions options, string value)
    {
        var urls = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u, UriKind.Absolute)).ToList();
        return urls.Count == 0 ? throw new ArgumentException("--urls needs at least one URL.") : options with { Url = urls[0], Urls = urls };
    }

    /// <summary>Accepts 1500ms, 2s, 1m or a bare number of seconds.</summary>
    private static TimeSpan ParseTime(string name, string value, bool allowZero)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : (value, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0 || (amount == 0 && !allowZero))
        {
            throw new ArgumentException($"{name}: '{value}' is not a valid time.");
        }

        return TimeSpan.FromSeconds(amount * unit);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name}: '{value}' is not a positive whole number.");

    private static int[] ParseStages(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Positive("--stages", s))];

    /// <summary>The test photo of the repository, found from the working directory or the generator's folder upwards.</summary>
    private static string DefaultPhotoPath()
    {
        var relative = Path.Combine("tests", "data", "photos", "astronaut.png");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return relative;
    }
}
