using System.Text.Json;
using ProctorWise.TestSupport;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The client-only API (src/Frontend) ships no silo: none of the grains, the silo's adapters, their native libraries
/// or the stream providers (the MariaDB membership client and its managed ADO.NET libraries it does need). Read from
/// its build's dependency manifest, which is what `dotnet publish` copies.
/// </summary>
public sealed class FrontendDependencyTests
{
    private static readonly string[] s_siloOnly =
    [
        "Microsoft.ML.OnnxRuntime", "SkiaSharp", "ProctorWise.Reports", "Confluent.Kafka", "librdkafka.redist",
        "Microsoft.Orleans.Streaming", "Microsoft.Orleans.Persistence.Memory",
        "ProctorWise.Grains", "ProctorWise.Identity", "ProctorWise.Hosting.Silo", "ProctorWise.Vision.Onnx", "ProctorWise.Streaming.Kafka", "ProctorWise.Storage",
    ];

    [Fact]
    public void TheFrontendCarriesNoSiloAdapterNorItsNativeLibraries()
    {
        var libraries = Libraries("Frontend");
        Assert.Contains(libraries, l => l.StartsWith("ProctorWise.Api/", StringComparison.Ordinal));
        Assert.Contains(libraries, l => l.StartsWith("Microsoft.Orleans.Core/", StringComparison.Ordinal));
        foreach (var name in s_siloOnly)
        {
            Assert.DoesNotContain(libraries, l => l.StartsWith(name + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheEmbeddedExecutableCarriesThemAll()
    {
        var libraries = Libraries("WebApi");
        Assert.All(s_siloOnly, name => Assert.Contains(libraries, l => l.StartsWith(name + "/", StringComparison.Ordinal)));
    }

    /// <summary>The "libraries" of the newest build of src/<paramref name="project"/> (built before these tests: a project reference).</summary>
    private static List<string> Libraries(string project)
    {
        var bin = Path.Combine(RepositoryPaths.Root, "src", project, "bin");
        var manifest = Directory.EnumerateFiles(bin, $"ProctorWise.{project}.deps.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "publish" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault() ?? throw new FileNotFoundException($"No build of src/{project} under {bin}.");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return [.. document.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name)];
    }
}
