using System.Net;
using ProctorWise.Api.Features.Cluster;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The admin platform page's health grid (issue 15): the API's checks and each silo's own (membership, storage,
/// streams, lake, analytics engine) are run for real, in-memory providers say so, and a lake that stops taking
/// writes turns its entry, its silo and the whole grid unhealthy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlatformReadinessTests(ApiFactory factory)
{
    [Fact]
    public async Task EverySilosChecksRunAndAFailingLakeTurnsItsEntryUnhealthy()
    {
        var admin = await factory.AdminAsync();
        var ready = await admin.GetAsync<PlatformReadinessView>("/api/admin/readiness");
        Assert.Contains(ready.Api, c => c.Name == "cluster");
        Assert.Contains(ready.Api, c => c.Name == "vision");
        Assert.DoesNotContain(ready.Api, c => c.Name is "storage" or "lake"); // the co-hosted silo's are under the silo
        var silo = Assert.Single(ready.Silos);
        Assert.Equal(["analytics-engine", "lake", "membership", "storage", "streams"], silo.Checks.Select(c => c.Name));
        var storage = silo.Checks.Single(c => c.Name == "storage");
        Assert.Equal("Healthy", storage.Status);
        Assert.StartsWith("in memory (embedded mode", storage.Description, StringComparison.Ordinal);
        Assert.Contains("in memory (embedded mode", silo.Checks.Single(c => c.Name == "streams").Description, StringComparison.Ordinal);
        Assert.StartsWith("DuckDB ", silo.Checks.Single(c => c.Name == "analytics-engine").Description, StringComparison.Ordinal);
        var lake = silo.Checks.Single(c => c.Name == "lake");
        Assert.Equal("Healthy", lake.Status);
        Assert.Contains(factory.LakePath, lake.Description, StringComparison.Ordinal);

        // The failure: the lake's folder is replaced by a file, so nothing can be written under it.
        Directory.CreateDirectory(factory.LakePath);
        var aside = factory.LakePath + ".aside";
        Directory.Move(factory.LakePath, aside);
        await File.WriteAllTextAsync(factory.LakePath, "not a folder", TestContext.Current.CancellationToken);
        try
        {
            var broken = await admin.GetAsync<PlatformReadinessView>("/api/admin/readiness");
            var brokenSilo = Assert.Single(broken.Silos);
            var brokenLake = brokenSilo.Checks.Single(c => c.Name == "lake");
            Assert.Equal("Unhealthy", brokenLake.Status);
            Assert.Contains("is not writable", brokenLake.Description, StringComparison.Ordinal);
            Assert.Equal("Healthy", brokenSilo.Checks.Single(c => c.Name == "storage").Status);
            Assert.Equal(("Unhealthy", "Unhealthy"), (brokenSilo.Status, broken.Status));
        }
        finally
        {
            File.Delete(factory.LakePath);
            Directory.Move(aside, factory.LakePath);
        }

        Assert.Equal("Healthy", (await admin.GetAsync<PlatformReadinessView>("/api/admin/readiness")).Silos.Single().Checks.Single(c => c.Name == "lake").Status);
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        await Expect.Problem(HttpStatusCode.Forbidden, await teacher.GetRawAsync("/api/admin/readiness"));
    }

    [Fact]
    public async Task ConcurrentGridsNeverTripOverEachOthersLakeProbe()
    {
        // Kubernetes' probes, the periodic health metric and several admins run the lake check at once; with one probe
        // file per silo, one run's delete removed the file another had just written (seen in CI).
        var admin = await factory.AdminAsync();
        var grids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.GetAsync<PlatformReadinessView>("/api/admin/readiness")));

        Assert.All(grids, grid => Assert.Equal("Healthy", grid.Silos.Single().Checks.Single(c => c.Name == "lake").Status));
    }
}
