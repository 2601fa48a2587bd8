using System.Collections.Concurrent;
using YamlDotNet.RepresentationModel;

namespace ProctorWise.Deployment.Tests.Tooling;

/// <summary>The compose files as <c>docker-compose config</c> resolves them with .env.example (once per test run).</summary>
internal static class ComposeProject
{
    /// <summary>docker-compose.yml alone (development).</summary>
    public static readonly string[] Development = ["docker-compose.yml"];

    /// <summary>docker-compose.yml with the production override.</summary>
    public static readonly string[] Production = ["docker-compose.yml", "docker-compose.prod.yml"];

    private static readonly ConcurrentDictionary<string, Lazy<YamlMappingNode>> s_configs = new(StringComparer.Ordinal);

    /// <summary>The resolved configuration of the given files; fails when docker-compose refuses them.</summary>
    public static YamlMappingNode Config(string[] files) =>
        s_configs.GetOrAdd(string.Join('+', files), _ => new Lazy<YamlMappingNode>(() =>
        {
            var arguments = new List<string> { "--env-file", ".env.example" };
            foreach (var file in files)
            {
                arguments.AddRange(["-f", file]);
            }

            arguments.Add("config");
            return Assert.Single(YamlExtensions.Documents(ExternalTool.Run("docker-compose", [.. arguments])));
        })).Value;

    /// <summary>The services of a resolved configuration.</summary>
    public static IReadOnlyDictionary<string, YamlNode> Services(string[] files) => Config(files).Entries("services");

    /// <summary>The services that start on a plain <c>up</c> (no profile).</summary>
    public static IEnumerable<KeyValuePair<string, YamlNode>> DefaultServices(string[] files) =>
        Services(files).Where(s => s.Value.Items("profiles").Count == 0);

    /// <summary>Whether a service runs one of the application's images (the silo or the API).</summary>
    public static bool IsApplication(YamlNode service) =>
        service.Text("image") is { } image && (image.StartsWith("proctorwise/silo:", StringComparison.Ordinal) || image.StartsWith("proctorwise/api:", StringComparison.Ordinal));
}
