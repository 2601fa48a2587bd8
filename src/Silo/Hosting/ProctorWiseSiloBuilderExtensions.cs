using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Silo.Adapters.Security;
using ProctorWise.Silo.Adapters.Vision;
using ProctorWise.Silo.Persistence;
using ProctorWise.Silo.StartupTasks;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Silo.Hosting;

/// <summary>
/// The one place where a silo is wired: cluster identity and endpoints, membership, storage,
/// reminders, streams and the adapters behind the grains' ports. Each provider is chosen here from
/// configuration (<c>ConnectionStrings:MariaDb</c> set ⇒ ADO.NET on MariaDB, <c>Kafka:BootstrapServers</c>
/// set ⇒ Kafka streams; absent ⇒ in memory).
/// </summary>
public static class ProctorWiseSiloBuilderExtensions
{
    /// <summary>Hosts a ProctorWise silo in this application (silo-only host or co-hosted with the WebApi).</summary>
    public static IHostApplicationBuilder AddProctorWiseSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        if (MariaDbSettings.ConnectionString(configuration) is { } connectionString && configuration.GetValue<bool>(MariaDbSettings.MigrateOnStartKey))
        {
            // Registered before the silo so the schema exists when membership starts.
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SchemaMigrationHostedService>(sp, connectionString));
        }

        builder.UseOrleans(silo =>
        {
            silo.UseProctorWiseClustering(configuration);
            silo.AddProctorWiseGrains(configuration);
            silo.AddStartupTask<SetupStartupTask>();
        });
        return builder;
    }

    /// <summary>Cluster identity, endpoints and membership.</summary>
    public static ISiloBuilder UseProctorWiseClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Failure detection is tuned per deployment (Orleans__Membership__ProbeTimeout, …).
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection("Orleans:Membership"));
        var endpoints = OrleansEndpointSettings.From(configuration);
        if (MariaDbSettings.ConnectionString(configuration) is null)
        {
            return silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, endpoints.PrimarySilo, endpoints.ServiceId, endpoints.ClusterId);
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = endpoints.ClusterId;
            o.ServiceId = endpoints.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = endpoints.AdvertisedAddress;
            o.SiloPort = endpoints.SiloPort;
            o.GatewayPort = endpoints.GatewayPort;
        });
        return silo.UseProctorWiseMembership(configuration);
    }

    /// <summary>Membership only: ADO.NET on MariaDB when configured (tests that bring their own identity use this).</summary>
    public static ISiloBuilder UseProctorWiseMembership(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (MariaDbSettings.ConnectionString(configuration) is { } connectionString)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = MariaDbSettings.Invariant;
                o.ConnectionString = connectionString;
            });
        }

        return silo;
    }

    /// <summary>
    /// Everything grains need except membership: storage, reminders, streams, options and adapters.
    /// </summary>
    public static ISiloBuilder AddProctorWiseGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (MariaDbSettings.ConnectionString(configuration) is { } connectionString)
        {
            foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
            {
                silo.AddAdoNetGrainStorage(name, o =>
                {
                    o.Invariant = MariaDbSettings.Invariant;
                    o.ConnectionString = connectionString;
                });
            }

            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = MariaDbSettings.Invariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.UseInMemoryReminderService();
        }

        if (StreamingSettings.UsesKafka(configuration))
        {
            silo.AddKafkaStreams(StreamProviders.Default, o => StreamingSettings.Apply(o, configuration), p => StreamingSettings.ConfigureProvider(p, configuration));
        }
        else
        {
            silo.AddMemoryStreams(StreamProviders.Default, p => StreamingSettings.ConfigureProvider(p, configuration));
        }

        var services = silo.Services;
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection("Reminders"));

        // State is stored with the Orleans serializer: [GenerateSerializer]/[Id]/[Alias] make it
        // version-tolerant (fields can be added), unlike JSON with CLR type names.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        services.TryAddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        services.AddOptions<ExamSessionOptions>().Bind(configuration.GetSection(ExamSessionOptions.Section));
        services.AddOptions<LoginThrottleOptions>().Bind(configuration.GetSection(LoginThrottleOptions.Section));
        services.AddProctorWiseVision(configuration);
        return silo;
    }
}
