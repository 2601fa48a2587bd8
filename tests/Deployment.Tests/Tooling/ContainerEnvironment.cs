using YamlDotNet.RepresentationModel;

namespace ProctorWise.Deployment.Tests.Tooling;

/// <summary>The environment a container gets: its <c>env</c> entries and every key of the ConfigMaps it loads whole.</summary>
internal static class ContainerEnvironment
{
    /// <summary>Variable names with the node that gives each its value (an <c>env</c> entry or a ConfigMap value).</summary>
    public static IReadOnlyDictionary<string, string?> Of(YamlNode container, RenderedOverlay overlay)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in container.Items("envFrom"))
        {
            Assert.True(source.At("secretRef") is null, $"overlay {overlay.Name}: container {container.Text("name")} loads a whole Secret; name each variable instead");
            if (source.Text("configMapRef", "name") is { } name)
            {
                foreach (var (key, value) in overlay.ConfigMap(name))
                {
                    variables[key] = value;
                }
            }
        }

        foreach (var entry in container.Items("env"))
        {
            variables[entry.Text("name")!] = entry.Text("value");
        }

        return variables;
    }

    /// <summary>The <c>env</c> entry of a variable, or null.</summary>
    public static YamlNode? Entry(YamlNode container, string name) =>
        container.Items("env").FirstOrDefault(e => e.Text("name") == name);
}
