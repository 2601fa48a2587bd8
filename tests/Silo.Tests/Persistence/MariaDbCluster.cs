using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Silo.Hosting;
using ProctorWise.TestSupport;

namespace ProctorWise.Silo.Tests.Persistence;

/// <summary>
/// Silos hosted exactly as src/Silo hosts them (<see cref="ProctorWiseSiloBuilderExtensions.AddProctorWiseSilo"/>)
/// on MariaDB, each in its own host on its own ports, and a client that finds them through the
/// membership table. Two clusters started with the same service id share their state: that is a
/// full restart. The domain clock is the test's; reminders tick every couple of seconds.
/// </summary>
internal sealed class MariaDbCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos = [];
    private IHost? _client;

    private MariaDbCluster(string connectionString, string serviceId)
    {
        ConnectionString = connectionString;
        ServiceId = serviceId;
    }

    public string ConnectionString { get; }

    public string ServiceId { get; }

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    public IReadOnlyList<IHost> Silos => _silos;

    public static string NewServiceId() => "pw-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Settings shared by in-process silos, silo processes and clients.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string serviceId) => new()
    {
        ["ConnectionStrings:MariaDb"] = connectionString,
        ["Orleans:ClusterId"] = serviceId,
        ["Orleans:ServiceId"] = serviceId,
        ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
        ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),

        // Declare a killed silo dead in seconds, not the default half-minute.
        ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Orleans:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Orleans:Membership:TableRefreshTimeout"] = "00:00:01",
        ["Sessions:TickInterval"] = "00:00:00.500",
        ["Sessions:DeadlineReminderPeriod"] = "00:00:02",
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Demo:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static async Task<MariaDbCluster> StartAsync(string connectionString, string serviceId, ShiftableClock clock, int silos = 2)
    {
        var cluster = new MariaDbCluster(connectionString, serviceId);
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync(clock);
        }

        await cluster.ConnectClientAsync();
        return cluster;
    }

    public async Task AddSiloAsync(ShiftableClock clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(Settings(ConnectionString, ServiceId));
        builder.AddProctorWiseSilo();
        builder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, clock);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        _silos.Add(host);
    }

    public async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(Settings(ConnectionString, ServiceId));
        builder.UseOrleansClient(client => client.UseProctorWiseCluster(builder.Configuration));
        _client = builder.Build();
        await _client.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Stops everything gracefully (state written, grains deactivated).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(CancellationToken.None);
            _client.Dispose();
        }

        foreach (var silo in _silos)
        {
            await silo.StopAsync(CancellationToken.None);
            silo.Dispose();
        }

        _silos.Clear();
    }
}
