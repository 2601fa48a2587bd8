using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The web client's types are generated from a checked-in copy of <c>/openapi/v1.json</c>
/// (src/Api/ClientApp/openapi/v1.json). The served document must equal it, so a change to the API's shapes
/// fails here until the copy is regenerated, and then the client's type-check fails until its types agree.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiSnapshotTests(ApiFactory factory)
{
    /// <summary>The script that rewrites the snapshot (through this test) and regenerates the client's types.</summary>
    public const string UpdateScript = "scripts/update-openapi.sh";

    /// <summary>Set by <see cref="UpdateScript"/>: the test writes the snapshot instead of comparing with it.</summary>
    public const string UpdateVariable = "PROCTORWISE_UPDATE_OPENAPI";

    public static string SnapshotPath => Path.Combine(RepositoryPaths.Root, "src", "Api", "ClientApp", "openapi", "v1.json");

    [Fact]
    public async Task TheServedDocumentEqualsTheClientsSnapshot()
    {
        var served = Normalize(await factory.Anonymous().GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "CI compares, it never rewrites the snapshot.");
            Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
            await File.WriteAllTextAsync(SnapshotPath, served, TestContext.Current.CancellationToken);
            return;
        }

        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing: run {UpdateScript}.");
        var snapshot = Normalize(await File.ReadAllTextAsync(SnapshotPath, TestContext.Current.CancellationToken));
        if (served != snapshot)
        {
            Assert.Fail($"/openapi/v1.json differs from src/Api/ClientApp/openapi/v1.json ({FirstDifference(snapshot, served)}). "
                + $"If the API change is intended, run {UpdateScript} (it rewrites the snapshot and regenerates the client's types), "
                + "then make `npm run typecheck` in src/Api/ClientApp pass and update docs/API.md.");
        }
    }

    [Fact]
    public void NormalizingDropsServerAddressesAndKeyOrder()
    {
        var a = Normalize("""{"openapi":"3.1.1","servers":[{"url":"http://127.0.0.1:5001/"}],"paths":{"/b":{},"/a":{}}}""");
        var b = Normalize("""{"paths":{"/a":{},"/b":{}},"servers":[{"url":"http://localhost:80/"}],"openapi":"3.1.1"}""");
        Assert.Equal(a, b);
        Assert.DoesNotContain("servers", a, StringComparison.Ordinal);
        Assert.NotEqual(a, Normalize("""{"openapi":"3.1.1","paths":{"/a":{},"/c":{}}}"""));
    }

    /// <summary>
    /// The document without what depends on the host rather than the API (<c>servers</c>: the test host's
    /// random port), object keys sorted (order carries no meaning in JSON objects), indented, LF line ends.
    /// </summary>
    public static string Normalize(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("The OpenAPI document is not a JSON object.");
        root.Remove("servers");
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return Sorted(root)!.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        return $"first at line {line + 1}: snapshot `{(line < e.Length ? e[line].Trim() : "<end>")}`, served `{(line < a.Length ? a[line].Trim() : "<end>")}`";
    }
}
