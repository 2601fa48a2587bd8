using System.Text.RegularExpressions;

namespace ProctorWise.Deployment.Tests;

/// <summary>
/// The Dockerfiles build in stages from base images pinned to a version, run as a non-root user, fetch the face
/// model through the sha256-checking script, and bake no secret into a layer; .dockerignore keeps local secrets,
/// build outputs and fetched files out of the build context.
/// </summary>
public sealed partial class ImageTests
{
    public static TheoryData<string> Dockerfiles => ["silo.Dockerfile", "api.Dockerfile", "db-tools.Dockerfile"];

    [Fact]
    public void EveryDockerfileIsChecked()
    {
        var files = Directory.GetFiles(Path.Combine(TestSupport.RepositoryPaths.Root, "deploy", "docker"), "*.Dockerfile").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Dockerfiles.Select(d => (string)d.Data).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void BaseImagesArePinnedToAVersion(string file)
    {
        var text = Read(file);
        var arguments = ArgDefault().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var bases = From().Matches(text).Select(m => Regex.Replace(m.Groups[1].Value, @"\$\{(\w+)\}", a => arguments.GetValueOrDefault(a.Groups[1].Value, a.Value))).ToList();
        Assert.NotEmpty(bases);
        var stages = From().Matches(text).Select(m => m.Groups[2].Value).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var image in bases.Where(b => !stages.Contains(b)))
        {
            Assert.Matches(@":\d+\.\d+\.\d+", image);
            Assert.DoesNotContain("latest", image, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void TheFinalStageRunsAsANonRootUser(string file)
    {
        var text = Read(file);
        var finalStage = text[text.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var user = Assert.Single(UserLine().Matches(finalStage)).Groups[1].Value;
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void NoSecretIsBakedIntoALayer(string file)
    {
        foreach (Match setting in EnvOrArg().Matches(Read(file)))
        {
            Assert.False(KubernetesManifestTests.LooksSecret(setting.Groups[1].Value), $"{file} sets {setting.Groups[1].Value} at build time");
        }

        Assert.DoesNotMatch(@"COPY[^\n]*\.env\b", Read(file));
    }

    [Fact]
    public void TheSiloImageFetchesTheFaceModelThroughTheChecksummedScript()
    {
        var text = Read("silo.Dockerfile");
        Assert.Contains("./scripts/fetch-models.sh /models", text, StringComparison.Ordinal);
        Assert.Contains("COPY --from=model /models/face_detection_back_256x256_barracuda.onnx", text, StringComparison.Ordinal);
        Assert.Contains("Vision__FaceModelPath=/app/models/face_detection_back_256x256_barracuda.onnx", text, StringComparison.Ordinal);
        Assert.Contains("SHA256=", File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "scripts", "fetch-models.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheApiImageIsTheClientOnlyExecutable()
    {
        var text = Read("api.Dockerfile");
        Assert.Contains("dotnet publish src/Frontend/Frontend.csproj", text, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"ProctorWise.Frontend.dll\"]", text, StringComparison.Ordinal);
        Assert.Contains("npm run build", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuildContextLeavesOutSecretsOutputsAndFetchedFiles()
    {
        var ignored = File.ReadAllLines(Path.Combine(TestSupport.RepositoryPaths.Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in new[] { ".env", "**/bin/", "**/obj/", "**/node_modules/", ".git/", "models/", "src/Api/wwwroot/", "deploy/nginx/certs/" })
        {
            Assert.Contains(entry, ignored);
        }
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "deploy", "docker", file));

    [Fact]
    public void TheBackupToolsUseTheMariaDbVersionOfTheServer()
    {
        // mariadb-dump of another minor version may write what the server's restore does not read the same way.
        var tools = ArgDefault().Matches(Read("db-tools.Dockerfile")).Single(m => m.Groups[1].Value == "MARIADB_VERSION").Groups[2].Value;
        var k8s = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "k8s", "base", "mariadb", "statefulset.yaml"));
        var compose = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "docker-compose.yml"));
        Assert.Contains($"image: mariadb:{tools}", k8s, StringComparison.Ordinal);
        Assert.Contains($"image: mariadb:${{MARIADB_VERSION:-{tools}}}", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDigestWrittenIsAFullSha256NextToItsVersion()
    {
        // Digests are added by the procedure of docs/operations.md#pinning-a-base-image-by-digest, never invented:
        // a pinned image keeps its readable version (name:version@sha256:…), and the digest has all 64 digits.
        var root = TestSupport.RepositoryPaths.Root;
        var files = Directory.GetFiles(Path.Combine(root, "deploy", "docker"), "*.Dockerfile")
            .Concat(Directory.GetFiles(Path.Combine(root, "k8s"), "*.yaml", SearchOption.AllDirectories))
            .Concat(new[] { "docker-compose.yml", "docker-compose.prod.yml" }.Select(f => Path.Combine(root, f)));
        foreach (var file in files)
        {
            foreach (Match digest in Regex.Matches(File.ReadAllText(file), @"(\S*)@sha256:(\S*)"))
            {
                Assert.Matches(@"[:=]\d[^@]*$", digest.Groups[1].Value);
                Assert.Matches("^[0-9a-f]{64}$", digest.Groups[2].Value.TrimEnd('"', '\''));
            }
        }
    }

    [GeneratedRegex(@"^ARG (\w+)=(\S+)", RegexOptions.Multiline)]
    private static partial Regex ArgDefault();

    [GeneratedRegex(@"^FROM (\S+)(?: AS (\S+))?", RegexOptions.Multiline)]
    private static partial Regex From();

    [GeneratedRegex(@"^USER (\S+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^(?:ENV|ARG)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex EnvOrArg();
}
