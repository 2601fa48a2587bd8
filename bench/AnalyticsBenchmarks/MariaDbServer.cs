using System.Diagnostics;
using System.Globalization;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// A throwaway MariaDB on a private data directory and port, started and stopped with the repository's own
/// scripts (scripts/mariadb-start.sh, mariadb-stop.sh), which run mariadbd without systemd.
/// </summary>
internal sealed class MariaDbServer(string repositoryRoot, string dataDirectory, int port)
{
    public string ConnectionString => $"Server=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Database=proctorwise;User ID=proctorwise;Password=proctorwise-dev";

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ProctorWise.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository: scripts/mariadb-start.sh is found from ProctorWise.slnx.");
    }

    /// <summary>The server's process id, from the pid file the start script asks mariadbd to write.</summary>
    public int? ProcessId =>
        File.Exists(Path.Combine(dataDirectory, "mariadb.pid"))
        && int.TryParse(File.ReadAllText(Path.Combine(dataDirectory, "mariadb.pid")).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    public Task StartAsync(CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(repositoryRoot, "scripts", "mariadb-start.sh"), [dataDirectory, port.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(repositoryRoot, "scripts", "mariadb-stop.sh"), [dataDirectory], cancellationToken);

    /// <summary>Runs a statement as root over the server's socket (root signs in by socket only): server settings need it.</summary>
    public Task RootAsync(string sql, CancellationToken cancellationToken) =>
        RunAsync("mariadb", ["--no-defaults", "--protocol=socket", "-S", Path.Combine(dataDirectory, "mariadb.sock"), "-uroot", "-e", sql], cancellationToken);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
