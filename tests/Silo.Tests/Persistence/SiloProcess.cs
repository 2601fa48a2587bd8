using System.Diagnostics;

namespace ProctorWise.Silo.Tests.Persistence;

/// <summary>A silo in its own process (<c>dotnet ProctorWise.Silo.dll</c>), which a test can kill outright.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process) => _process = process;

    public static SiloProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
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
        var process = Process.Start(start)!;

        // Drain the pipes so a chatty silo never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process);
    }

    /// <summary>SIGKILL: no graceful shutdown, no deactivation, no goodbye to the membership table.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
