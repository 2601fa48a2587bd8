using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using Orleans.Configuration;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Ports;
using ProctorWise.Hosting;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// Silos hosted exactly as src/Silo hosts them (<see cref="ProctorWiseSiloBuilderExtensions.AddProctorWiseSilo"/>)
/// on MariaDB, each in its own host on its own ports, and a client that finds them through the
/// membership table. Two clusters started with the same service id share their state: that is a
/// full restart. The domain clock is the test's; reminders tick every couple of seconds.
/// </summary>
internal sealed class MariaDbCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos = [];
    private readonly IReadOnlyDictionary<string, string?>? _overrides;
    private IHost? _client;

    private MariaDbCluster(string connectionString, string serviceId, IReadOnlyDictionary<string, string?>? overrides)
    {
        ConnectionString = connectionString;
        ServiceId = serviceId;
        _overrides = overrides;
    }

    public string ConnectionString { get; }

    public string ServiceId { get; }

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    public IReadOnlyList<IHost> Silos => _silos;

    public static string NewServiceId() => "pw-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Settings shared by in-process silos, silo processes and clients; <paramref name="overrides"/> win.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string serviceId, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = Defaults(connectionString, serviceId);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>How long membership may take to declare a killed silo dead (so that its grains can move), from its options.</summary>
    /// <remarks>
    /// Orleans adapts each probe's timeout up to <see cref="ClusterMembershipOptions.MaxProbeTimeout"/>; a silo that
    /// misses <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/> probes is suspected and, with enough votes,
    /// declared dead; the others read the table at least every <see cref="ClusterMembershipOptions.TableRefreshTimeout"/>.
    /// That worst case is doubled for a busy machine (a degraded silo extends its probe timeouts).
    /// </remarks>
    public static TimeSpan TakeoverBound(ClusterMembershipOptions membership) =>
        ((membership.MaxProbeTimeout * membership.NumMissedProbesLimit) + membership.TableRefreshTimeout) * 2;

    /// <summary>The membership options a silo binds from these settings (as <see cref="ProctorWiseSiloBuilderExtensions.UseProctorWiseClustering"/> does).</summary>
    public static ClusterMembershipOptions Membership(IReadOnlyDictionary<string, string?> settings)
    {
        var membership = new ClusterMembershipOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Orleans:Membership").Bind(membership);
        return membership;
    }

    /// <summary>The cluster's lake: one temporary folder its silos share (a volume in production), removed with the cluster.</summary>
    private static string LakePath(string serviceId) => Path.Combine(Path.GetTempPath(), "pw-lake-" + serviceId);

    /// <summary>Where this cluster's e-mails go (never the machine's default pickup folder).</summary>
    public static string MailPath(string serviceId) => Path.Combine(Path.GetTempPath(), "pw-mail-" + serviceId);

    private static Dictionary<string, string?> Defaults(string connectionString, string serviceId) => new()
    {
        ["ConnectionStrings:MariaDb"] = connectionString,
        ["Orleans:ClusterId"] = serviceId,
        ["Orleans:ServiceId"] = serviceId,
        ["Lake:Path"] = LakePath(serviceId),
        ["Mail:PickupPath"] = MailPath(serviceId),
        ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
        ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),

        // The silo executable's health and metrics port (in-process silos serve no HTTP and ignore it).
        [SiloWebHostExtensions.HttpPortKey] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),

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

    public static async Task<MariaDbCluster> StartAsync(
        string connectionString, string serviceId, ShiftableClock clock, int silos = 2, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var cluster = new MariaDbCluster(connectionString, serviceId, overrides);
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
        builder.Configuration.AddInMemoryCollection(Settings(ConnectionString, ServiceId, _overrides));
        builder.AddProctorWiseSilo();
        builder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, clock);

        // Publishes like production unless a test makes a key fail; registered last, so it wins.
        builder.Services.AddSingleton<IEventPublisher, FaultyEventPublisher>();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        _silos.Add(host);
    }

    /// <summary>
    /// Stops one silo gracefully, as SIGTERM does for the silo executable: it leaves membership, deactivates its grains
    /// (which write what they hold) and hands its stream queues over; the other silos and the client carry on.
    /// </summary>
    public async Task StopSiloAsync(IHost silo)
    {
        _silos.Remove(silo);
        await silo.StopAsync(CancellationToken.None);
        silo.Dispose();
    }

    public async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(Settings(ConnectionString, ServiceId, _overrides));
        builder.UseOrleansClient(client => client.UseProctorWiseCluster(HostingOptions.From(builder.Configuration)));
        _client = builder.Build();
        await _client.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The membership table's view of a cluster: each silo's status by silo port (empty before the schema exists).</summary>
    public static async Task<Dictionary<int, SiloStatus>> MembershipAsync(string connectionString, string clusterId)
    {
        var silos = new Dictionary<int, SiloStatus>();
        try
        {
            await using var connection = new MySqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new MySqlCommand("SELECT Port, Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster ORDER BY Generation", connection);
            command.Parameters.AddWithValue("@cluster", clusterId);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                silos[reader.GetInt32(0)] = (SiloStatus)reader.GetInt32(1);
            }
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.NoSuchTable)
        {
            // Not migrated yet.
        }

        return silos;
    }

    /// <summary>A grain's state as MariaDB holds it now (read through the first silo's storage provider, not the grain).</summary>
    public async Task<TState> StoredStateAsync<TState>(string stateName, GrainId grainId)
        where TState : class, new()
    {
        var storage = _silos[0].Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var stored = new GrainState<TState>(new TState());
        await storage.ReadStateAsync(stateName, grainId, stored);
        return stored.State!;
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
        foreach (var folder in new[] { LakePath(ServiceId), MailPath(ServiceId) }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
