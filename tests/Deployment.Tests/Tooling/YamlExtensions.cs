using YamlDotNet.RepresentationModel;

namespace ProctorWise.Deployment.Tests.Tooling;

/// <summary>Small readers over YamlDotNet's node model, so the checks read like the manifests they check.</summary>
internal static class YamlExtensions
{
    /// <summary>Every mapping document of a multi-document YAML text.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    /// <summary>The node at a path of mapping keys, or null when any key is absent.</summary>
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    /// <summary>The scalar at a path, or null.</summary>
    public static string? Text(this YamlNode? node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    /// <summary>The items of the sequence at a path (none when absent).</summary>
    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    /// <summary>The scalar items of the sequence at a path.</summary>
    public static IReadOnlyList<string> Texts(this YamlNode? node, params string[] path) =>
        [.. node.Items(path).OfType<YamlScalarNode>().Select(s => s.Value ?? "")];

    /// <summary>The entries of the mapping at a path, keys as text (none when absent).</summary>
    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMappingNode map
            ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value ?? "", e => e.Value, StringComparer.Ordinal)
            : new Dictionary<string, YamlNode>(StringComparer.Ordinal);
}
