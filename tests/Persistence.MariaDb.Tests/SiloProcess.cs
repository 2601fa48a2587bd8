using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>A silo in its own process (<c>dotnet ProctorWise.Silo.dll</c>), which a test can kill outright.</summary>
internal sealed class SiloProcess : IDisposable
{
    private const int KeptOutput = 16_000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    /// <summary>Its silo-to-silo port, which is also the port of its <see cref="SiloAddress"/>.</summary>
    public int SiloPort { get; }

    /// <summary>True once the process ended (killed, or failed to start).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits until the process ends by itself (a silo that refuses to start) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The end of what it wrote (standard output and error), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a silo with <paramref name="settings"/> as environment variables (<c>a:b</c> becomes <c>a__b</c>).</summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var siloPort = int.Parse(settings["Orleans:Endpoints:SiloPort"]!, CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ProctorWise.Silo.dll"));
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        var silo = new SiloProcess(Process.Start(start)!, siloPort);

        // Drain the pipes so a chatty silo never blocks on a full buffer; keep the end for diagnostics.
        silo._process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>
    /// SIGKILL: no graceful shutdown, no deactivation, no goodbye to the membership table. Returns once the
    /// process is gone (its sockets closed), so later calls are not caught in flight by the dying process.
    /// </summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > KeptOutput)
            {
                _output.Remove(0, _output.Length - KeptOutput);
            }
        }
    }
}
