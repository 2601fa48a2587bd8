using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Api.Features.Cluster;
using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Ports;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The admin health grid when parts of the platform fail (issue 15): an analytics engine that refuses connections is an
/// unhealthy entry with its reason beside the silo's other checks, and a silo that does not answer in time is an
/// unreachable row; either way the grid answers 200 with everything else it could check.
/// </summary>
public sealed class PlatformReadinessFaultTests(PlatformReadinessFaultTests.FaultyFactory factory) : IClassFixture<PlatformReadinessFaultTests.FaultyFactory>
{
    [Fact]
    public async Task AnAnalyticsEngineThatRefusesConnectionsIsUnhealthyWithItsReasonBesideTheOtherChecks()
    {
        var admin = await factory.AdminAsync();

        var response = await admin.GetRawAsync("/api/admin/readiness");

        var ready = await admin.ReadAsync<PlatformReadinessView>(response, HttpStatusCode.OK);
        var silo = Assert.Single(ready.Silos);
        Assert.Null(silo.Error);
        Assert.Equal(["analytics-engine", "lake", "membership", "storage", "streams"], silo.Checks.Select(c => c.Name));
        var engine = silo.Checks.Single(c => c.Name == "analytics-engine");
        Assert.Equal("Unhealthy", engine.Status);
        // The reason names the engine as the grid knows it and what the connection said.
        Assert.Equal($"{RefusingEngineProbe.EngineName} does not answer ({new SocketException((int)SocketError.ConnectionRefused).Message})", engine.Description);
        Assert.All(silo.Checks.Where(c => c.Name != "analytics-engine"), c => Assert.Equal("Healthy", c.Status));
        Assert.Equal("Healthy", ready.Api.Single(c => c.Name == "cluster").Status);
        Assert.Equal(("Unhealthy", "Unhealthy"), (silo.Status, ready.Status));
    }

    [Fact]
    public async Task ASiloThatDoesNotAnswerInTimeIsAnUnreachableRowAndTheGridStillAnswers()
    {
        var admin = await factory.AdminAsync();
        PlatformReadinessView ready;
        using (factory.Readiness.Hold())
        {
            // The silo's checks wait on the gate, so its probe grain does not answer within Health:SiloReadinessTimeout.
            ready = await admin.ReadAsync<PlatformReadinessView>(await admin.GetRawAsync("/api/admin/readiness"), HttpStatusCode.OK);
        }

        var silo = Assert.Single(ready.Silos);
        Assert.Equal("Unhealthy", silo.Status);
        Assert.Empty(silo.Checks);
        Assert.Equal("It is unreachable: it did not answer within 3 s (Health:SiloReadinessTimeout).", silo.Error);
        Assert.Null(ready.SilosError);
        Assert.Equal("Healthy", ready.Api.Single(c => c.Name == "cluster").Status);
        Assert.Equal("Unhealthy", ready.Status);

        // Released, the same silo answers the next grid with its checks.
        var after = Assert.Single((await admin.GetAsync<PlatformReadinessView>("/api/admin/readiness")).Silos);
        Assert.Null(after.Error);
        Assert.Equal("Healthy", after.Checks.Single(c => c.Name == "lake").Status);
    }

    [Fact]
    public async Task OnTheSiloChecksThatNeverFinishEndAtTheProbesOwnBound()
    {
        var silo = factory.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        var probe = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISiloProbeGrain>(silo);
        IReadOnlyList<ReadinessCheck> checks;
        using (factory.Readiness.Hold())
        {
            // Held past the grain's bound (8 s): the call ends on the silo with a reason, not at Orleans' response timeout.
            checks = await probe.CheckReadinessAsync();
        }

        var check = Assert.Single(checks);
        Assert.Equal(("readiness", "Unhealthy", "The silo's checks did not finish within 8 s."), (check.Name, check.Status, check.Description));
        Assert.Contains(await probe.CheckReadinessAsync(), c => c is { Name: "lake", Status: "Healthy" });
    }

    /// <summary>
    /// The API host whose analytics engine refuses connections and whose silo's checks a test can hold, with the grid
    /// waiting 3 s for a silo (the checks here answer in milliseconds).
    /// </summary>
    public sealed class FaultyFactory : ApiFactory
    {
        /// <summary>The gate in front of the co-hosted silo's checks.</summary>
        public SiloReadinessGate Readiness => Services.GetRequiredService<SiloReadinessGate>();

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Health:SiloReadinessTimeout"] = "00:00:03";
            return settings;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IAnalyticsEngineProbe, RefusingEngineProbe>();
                var real = services.Last(d => d.ServiceType == typeof(ISiloReadiness));
                services.Remove(real);
                services.AddSingleton(sp => new SiloReadinessGate((ISiloReadiness)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
                services.AddSingleton<ISiloReadiness>(sp => sp.GetRequiredService<SiloReadinessGate>());
            });
        }
    }

    /// <summary>An engine whose server is not there: the connection is refused, as a socket says it.</summary>
    public sealed class RefusingEngineProbe : IAnalyticsEngineProbe
    {
        public const string EngineName = "Spark Connect sc://127.0.0.1:9";

        public string Name => EngineName;

        public Task<string> ProbeAsync(CancellationToken cancellationToken) =>
            Task.FromException<string>(new SocketException((int)SocketError.ConnectionRefused));
    }

    /// <summary>Runs the silo's real checks, or holds them while a test says so (the silo then does not answer).</summary>
    public sealed class SiloReadinessGate(ISiloReadiness inner) : ISiloReadiness
    {
        private volatile TaskCompletionSource? _hold;

        /// <summary>Holds every check until the result is disposed.</summary>
        public IDisposable Hold()
        {
            var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _hold = hold;
            return new Release(this, hold);
        }

        public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
        {
            if (_hold is { } hold)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }

            return await inner.CheckAsync(cancellationToken);
        }

        private sealed class Release(SiloReadinessGate gate, TaskCompletionSource hold) : IDisposable
        {
            public void Dispose()
            {
                gate._hold = null;
                hold.TrySetResult();
            }
        }
    }
}
