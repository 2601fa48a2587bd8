using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Readiness reaches grain storage: a store that stops answering makes the host not ready.</summary>
public sealed class ReadinessTests : IClassFixture<ReadinessTests.FailingStoreFactory>
{
    private readonly FailingStoreFactory _factory;

    public ReadinessTests(FailingStoreFactory factory) => _factory = factory;

    [Fact]
    public async Task AStoreThatStopsAnsweringMakesTheHostNotReadyAndItRecovers()
    {
        // The check lines are an admin's (probes get the status only: ProductionExposureTests).
        var client = await _factory.AdminAsync();
        Assert.Equal(("Healthy", "Healthy"), await StorageChecksAsync(client, HttpStatusCode.OK));

        // Both the cluster's probe grain and this silo's own storage check see the store fail.
        _factory.Storage.Failing = true;
        Assert.Equal(("Unhealthy", "Unhealthy"), await StorageChecksAsync(client, HttpStatusCode.ServiceUnavailable));
        await Expect.Status(HttpStatusCode.OK, await client.GetRawAsync("/health/live"));

        _factory.Storage.Failing = false;
        Assert.Equal(("Healthy", "Healthy"), await StorageChecksAsync(client, HttpStatusCode.OK));
    }

    private static async Task<(string? Cluster, string? Storage)> StorageChecksAsync(ApiClient client, HttpStatusCode expected)
    {
        var response = await client.GetRawAsync("/health/ready");
        Assert.Equal(expected, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        return (checks["cluster"], checks["storage"]);
    }

    /// <summary>The application's grain storage, with a switch that makes the probe's state fail like a lost database.</summary>
    public sealed class SwitchableStorage(IGrainStorage inner) : IGrainStorage
    {
        private volatile bool _failing;

        public bool Failing
        {
            get => _failing;
            set => _failing = value;
        }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Guard(stateName) ?? inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Guard(stateName) ?? inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Guard(stateName) ?? inner.ClearStateAsync(stateName, grainId, grainState);

        // Only the probe's state fails, so the host can still start (bootstrap admin) and recover.
        private Task? Guard(string stateName) =>
            Failing && stateName == StateNames.HealthProbe ? Task.FromException(new TimeoutException("The test store does not answer.")) : null;
    }

    /// <summary>The API host whose default grain storage can be switched off.</summary>
    public sealed class FailingStoreFactory : ApiFactory
    {
        public SwitchableStorage Storage { get; private set; } = null!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var original = services.Last(d => d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Default) && d.ServiceType == typeof(IGrainStorage));
                services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, key) =>
                    Storage = new SwitchableStorage((IGrainStorage)original.KeyedImplementationFactory!(sp, key)));
            });
        }
    }
}
