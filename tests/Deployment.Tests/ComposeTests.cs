using System.Text.RegularExpressions;
using ProctorWise.Deployment.Tests.Tooling;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Deployment.Tests;

/// <summary>
/// docker-compose.yml and its production override, as <c>docker-compose config</c> resolves them: the stack the issue
/// lists, only nginx published in production, restart policies and limits, non-root read-only application
/// containers, and secrets only from .env.
/// </summary>
public sealed partial class ComposeTests
{
    public static TheoryData<string> FileSets => ["development", "production"];

    [Theory]
    [MemberData(nameof(FileSets))]
    public void TheComposeFilesResolveToTheWholeStack(string set)
    {
        var services = ComposeProject.Services(Files(set));
        foreach (var expected in new[] { "mariadb", "migrate", "kafka", "silo-1", "silo-2", "api-1", "api-2", "nginx", "spark-master", "spark-worker", "spark-connect", "mail", "backup" })
        {
            Assert.True(services.ContainsKey(expected), $"{set}: no service {expected}");
        }

        Assert.Contains("migrate", services["migrate"].Texts("command"));
        Assert.Equal("service_completed_successfully", services["silo-1"].Text("depends_on", "migrate", "condition"));
        Assert.Equal("broker,controller", services["kafka"].Text("environment", "KAFKA_PROCESS_ROLES"));
        Assert.Contains("start-connect-server.sh", string.Join(' ', services["spark-connect"].Texts("command")), StringComparison.Ordinal);
        Assert.Contains(services["mariadb"].Texts("volumes"), v => v.EndsWith(":/var/lib/mysql", StringComparison.Ordinal) || v.Contains("/var/lib/mysql", StringComparison.Ordinal));
    }

    [Fact]
    public void InProductionOnlyNginxPublishesAPort()
    {
        var published = ComposeProject.DefaultServices(ComposeProject.Production).Where(s => s.Value.Items("ports").Count > 0).Select(s => s.Key);
        Assert.Equal(["nginx"], published);
        Assert.Equal(["debug"], ComposeProject.Services(ComposeProject.Production)["mail"].Texts("profiles"));
    }

    [Fact]
    public void InProductionEveryServiceRestartsAndIsLimited()
    {
        var problems = new List<string>();
        foreach (var (name, service) in ComposeProject.DefaultServices(ComposeProject.Production))
        {
            if (name != "migrate" && service.Text("restart") != "always")
            {
                problems.Add($"{name}: restart is {service.Text("restart") ?? "unset"}");
            }

            if (service.Text("mem_limit") is null || service.Text("cpus") is null)
            {
                problems.Add($"{name}: no mem_limit or cpus");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(FileSets))]
    public void ApplicationContainersRunAsNonRootOnAReadOnlyRoot(string set)
    {
        var applications = ComposeProject.Services(Files(set)).Where(s => ComposeProject.IsApplication(s.Value)).ToList();
        Assert.Equal(5, applications.Count); // migrate, two silos, two API processes
        Assert.All(applications, s =>
        {
            Assert.Equal("1654:1654", s.Value.Text("user"));
            Assert.Equal("true", s.Value.Text("read_only"));
        });
    }

    [Fact]
    public void TheSilosShareTheirVolumesAndStreamsAndDrainBeforeTheyAreKilled()
    {
        var services = ComposeProject.Services(ComposeProject.Production);
        foreach (var silo in new[] { "silo-1", "silo-2" })
        {
            var environment = services[silo].Entries("environment");
            Assert.Equal("kafka:9092", environment["Kafka__BootstrapServers"].Text());
            var shutdown = int.Parse(environment["DOTNET_SHUTDOWNTIMEOUTSECONDS"].Text()!, System.Globalization.CultureInfo.InvariantCulture);
            var grace = services[silo].Text("stop_grace_period")!;
            Assert.True(int.Parse(grace.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture) > shutdown, $"{silo}: stop_grace_period {grace} must exceed the shutdown timeout {shutdown}s");
            Assert.Contains(services[silo].Texts("volumes"), v => v.Contains("/var/lib/proctorwise/lake", StringComparison.Ordinal));
            Assert.Contains(services[silo].Texts("volumes"), v => v.Contains("/var/lib/proctorwise/evidence", StringComparison.Ordinal));
        }

        Assert.Equal(services["silo-1"].Entries("environment")["Kafka__Partitions"].Text(), services["kafka"].Entries("environment")["KAFKA_NUM_PARTITIONS"].Text());
    }

    [Fact]
    public void NoSecretValueIsWrittenInTheComposeFiles()
    {
        var problems = new List<string>();
        foreach (var file in ComposeProject.Production)
        {
            foreach (var (line, number) in File.ReadAllLines(Path.Combine(TestSupport.RepositoryPaths.Root, file)).Select((l, i) => (l, i + 1)))
            {
                if (SettingLine().Match(line) is { Success: true } setting && KubernetesManifestTests.LooksSecret(setting.Groups["key"].Value)
                    && !setting.Groups["value"].Value.Contains("${", StringComparison.Ordinal))
                {
                    problems.Add($"{file}:{number}: {setting.Groups["key"].Value} has a value written in the file");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EnvExampleListsEveryVariableTheComposeFilesUseAndNoRealSecret()
    {
        var root = TestSupport.RepositoryPaths.Root;
        var used = ComposeProject.Production.SelectMany(f => Interpolation().Matches(File.ReadAllText(Path.Combine(root, f))).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var example = File.ReadAllLines(Path.Combine(root, ".env.example"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Empty(used.Except(example.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(example.Keys.Except(used).Order(StringComparer.Ordinal));
        Assert.All(example.Where(e => KubernetesManifestTests.LooksSecret(e.Key)), e => Assert.StartsWith("change-me", e.Value, StringComparison.Ordinal));
        var ignored = File.ReadAllLines(Path.Combine(root, ".gitignore"));
        Assert.Contains(".env", ignored);
    }

    [Fact]
    public void NginxTerminatesTlsBalancesStickilyPassesWebSocketsAndFrames()
    {
        var config = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "deploy", "nginx", "proctorwise.conf"));
        Assert.Matches(@"listen 8443 ssl;", config);
        Assert.Matches(@"hash \$remote_addr consistent;", config);
        Assert.Matches(@"server api-1:8080", config);
        Assert.Matches(@"server api-2:8080", config);
        Assert.Matches(@"proxy_set_header Upgrade \$http_upgrade;", config);
        Assert.Matches(@"location /hubs/", config);
        var body = Regex.Match(config, @"client_max_body_size (\d+)m;");
        Assert.True(body.Success, "nginx sets no client_max_body_size in megabytes");
        Assert.True(int.Parse(body.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024 >= ProctoringLimits.MaxFrameBytes, "nginx refuses webcam frames");
        Assert.Matches(@"location = /metrics \{\s*return 404;", config);
    }

    private static string[] Files(string set) => set == "production" ? ComposeProject.Production : ComposeProject.Development;

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][A-Za-z0-9_]*):\s*(?<value>\S.*)$")]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)")]
    private static partial Regex Interpolation();
}
