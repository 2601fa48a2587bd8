using System.Text.RegularExpressions;
using ProctorWise.Deployment.Tests.Tooling;

namespace ProctorWise.Deployment.Tests;

/// <summary>
/// Every environment variable the compose files, the k8s manifests and the Dockerfiles hand to the application is one
/// the README's configuration table documents: a misspelt key would be ignored silently by .NET configuration.
/// </summary>
public sealed partial class DocumentedEnvironmentTests
{
    [Fact]
    public void EveryVariableGivenToTheApplicationIsInTheReadmeTable()
    {
        var documented = Documented();
        var given = new List<(string Where, string Variable)>();
        foreach (var overlay in RenderedOverlay.Names.Select(RenderedOverlay.Of))
        {
            foreach (var workload in overlay.Workloads)
            {
                foreach (var container in workload.Containers.Where(c => IsApplicationImage(c.Text("image"))))
                {
                    given.AddRange(ContainerEnvironment.Of(container, overlay).Keys.Select(v => ($"k8s/overlays/{overlay.Name} {workload}", v)));
                }
            }
        }

        foreach (var set in new[] { ComposeProject.Development, ComposeProject.Production })
        {
            foreach (var (name, service) in ComposeProject.Services(set).Where(s => ComposeProject.IsApplication(s.Value)))
            {
                given.AddRange(service.Entries("environment").Keys.Select(v => ($"compose service {name}", v)));
            }
        }

        foreach (var file in new[] { "silo.Dockerfile", "api.Dockerfile" })
        {
            given.AddRange(DockerfileEnvironment(File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "deploy", "docker", file))).Select(v => ($"deploy/docker/{file}", v)));
        }

        Assert.True(given.Count > 20, "too few variables found: the readers of the deployment files are broken");
        var undocumented = given.Where(g => !documented.IsDocumented(g.Variable)).Select(g => $"{g.Where}: {g.Variable}").Distinct().ToList();
        Assert.True(undocumented.Count == 0, "variables the README's configuration table does not document:\n" + string.Join("\n", undocumented));
    }

    [Fact]
    public void TheReaderOfTheTableKnowsIndexedAndWildcardKeys()
    {
        var documented = Documented();
        Assert.True(documented.IsDocumented("ForwardedHeaders__KnownNetworks__3"));
        Assert.True(documented.IsDocumented("Orleans__Membership__ProbeTimeout"));
        Assert.True(documented.IsDocumented("POD_IP"));
        Assert.False(documented.IsDocumented("Kafka__Partition"));
        Assert.False(documented.IsDocumented("Orleans__Kubernetes__Enable"));
    }

    private static bool IsApplicationImage(string? image) =>
        image is not null && (image.StartsWith("proctorwise/silo", StringComparison.Ordinal) || image.StartsWith("proctorwise/api", StringComparison.Ordinal));

    private static IEnumerable<string> DockerfileEnvironment(string dockerfile)
    {
        // ENV A=1 \ B=2 spans lines joined by a trailing backslash.
        var joined = dockerfile.Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (Match line in EnvLine().Matches(joined))
        {
            foreach (Match pair in Assignment().Matches(line.Groups[1].Value))
            {
                yield return pair.Groups[1].Value;
            }
        }
    }

    private static DocumentedVariables Documented()
    {
        var lines = File.ReadAllLines(Path.Combine(TestSupport.RepositoryPaths.Root, "README.md"));
        var start = Array.IndexOf(lines, "## Configuration");
        Assert.True(start >= 0, "README.md has no '## Configuration' section");
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            exact.UnionWith(Backticked().Matches(cells[2]).Select(m => m.Groups[1].Value));
            if (Backticked().Match(cells[1]) is { Success: true } key && key.Groups[1].Value.EndsWith(":*", StringComparison.Ordinal))
            {
                prefixes.Add(key.Groups[1].Value[..^1].Replace(":", "__", StringComparison.Ordinal));
            }
        }

        Assert.NotEmpty(exact);
        return new DocumentedVariables(exact, prefixes);
    }

    private sealed record DocumentedVariables(HashSet<string> Exact, List<string> Prefixes)
    {
        public bool IsDocumented(string variable) =>
            Exact.Contains(variable)
            || Exact.Contains(IndexSuffix().Replace(variable, "__0"))
            || Prefixes.Any(p => variable.StartsWith(p, StringComparison.Ordinal) && variable.Length > p.Length);
    }

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"__\d+$")]
    private static partial Regex IndexSuffix();

    [GeneratedRegex(@"^ENV\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"(\w+)=")]
    private static partial Regex Assignment();
}
