using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Tests.Infrastructure;

namespace ProctorWise.Grains.Tests.Cluster;

/// <summary>The per-silo probe behind the admin Cluster page lives on the silo it is keyed by, and says so when it cannot.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloProbeGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EachSilosProbeAnswersFromThatSilo()
    {
        var silos = await fixture.Grains.GetGrain<IManagementGrain>(0).GetHosts(true, TestContext.Current.CancellationToken);
        Assert.Equal(2, silos.Count);
        foreach (var silo in silos.Keys)
        {
            var key = silo.ToParsableString();
            var report = await fixture.Grains.GetGrain<ISiloProbeGrain>(key).ReportAsync();
            Assert.True(report.OnRequestedSilo, $"the probe of {key} answered from {report.Silo}");
            Assert.Equal(key, report.Silo);
            Assert.Equal("memory", report.StreamTransport);
            Assert.Empty(report.Partitions);
        }
    }

    [Fact]
    public async Task AProbeForASiloThatIsNotThereSaysItIsElsewhere()
    {
        var gone = SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1), 42).ToParsableString();
        var report = await fixture.Grains.GetGrain<ISiloProbeGrain>(gone).ReportAsync();
        Assert.False(report.OnRequestedSilo);
        Assert.NotEqual(gone, report.Silo);
        var silos = await fixture.Grains.GetGrain<IManagementGrain>(0).GetHosts(true, TestContext.Current.CancellationToken);
        Assert.Contains(report.Silo, silos.Keys.Select(s => s.ToParsableString()));
    }
}
