using System.Collections.Concurrent;

namespace ProctorWise.Deployment.Tests.Tooling;

/// <summary>An overlay of k8s/ rendered by <c>kubectl kustomize</c> (once per test run) and parsed.</summary>
internal sealed class RenderedOverlay
{
    /// <summary>Every overlay the repository ships; a new folder under k8s/overlays must be added here.</summary>
    public static readonly string[] Names = ["dev", "prod"];

    private static readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> s_rendered = new(StringComparer.Ordinal);

    private RenderedOverlay(string name, IReadOnlyList<KubernetesResource> resources)
    {
        Name = name;
        Resources = resources;
    }

    /// <summary>The overlay's folder name.</summary>
    public string Name { get; }

    /// <summary>Every object the overlay renders.</summary>
    public IReadOnlyList<KubernetesResource> Resources { get; }

    /// <summary>The workloads (objects with a pod template).</summary>
    public IEnumerable<KubernetesResource> Workloads => Resources.Where(r => r.PodTemplate is not null);

    /// <summary>Renders (or returns the already rendered) overlay.</summary>
    public static RenderedOverlay Of(string name) =>
        s_rendered.GetOrAdd(name, n => new Lazy<RenderedOverlay>(() => Render(n))).Value;

    /// <summary>The one object of a kind and name; fails when it is missing.</summary>
    public KubernetesResource Single(string kind, string name)
    {
        var found = Resources.Where(r => r.Kind == kind && r.Name == name).ToList();
        Assert.True(found.Count == 1, $"overlay {Name}: expected one {kind}/{name}, found {found.Count}");
        return found[0];
    }

    /// <summary>The data of a ConfigMap, by its generated name or the name before kustomize's hash suffix.</summary>
    public IReadOnlyDictionary<string, string> ConfigMap(string name)
    {
        var map = Resources.SingleOrDefault(r => r.Kind == "ConfigMap"
            && (r.Name == name || (r.Name.StartsWith(name + "-", StringComparison.Ordinal) && r.Name.Length == name.Length + 11)));
        Assert.True(map is not null, $"overlay {Name}: ConfigMap {name} is not rendered");
        return map.Document.Entries("data").ToDictionary(e => e.Key, e => e.Value.Text() ?? "", StringComparer.Ordinal);
    }

    private static RenderedOverlay Render(string name)
    {
        var yaml = ExternalTool.Run("kubectl", "kustomize", Path.Combine("k8s", "overlays", name));
        var resources = YamlExtensions.Documents(yaml)
            .Select(d => new KubernetesResource(d.Text("kind") ?? "", d.Text("metadata", "name") ?? "", d))
            .ToList();
        Assert.NotEmpty(resources);
        return new RenderedOverlay(name, resources);
    }
}
