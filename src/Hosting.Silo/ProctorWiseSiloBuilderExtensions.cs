using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using ProctorWise.Grains.Cluster;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Grains.Vision;
using ProctorWise.Hosting.Silo.Analytics;
using ProctorWise.Hosting.Silo.Ingestion;
using ProctorWise.Hosting.Silo.StartupTasks;
using ProctorWise.Identity;
using ProctorWise.Mail;
using ProctorWise.Persistence.MariaDb;
using ProctorWise.Reports;
using ProctorWise.Storage;
using ProctorWise.Streaming.Kafka;
using ProctorWise.Vision.Onnx;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// The one place where a silo is wired: cluster identity and endpoints, membership, storage, reminders,
/// streams and the adapters behind the grains' ports. Each provider comes from <see cref="HostingOptions"/>
/// (MariaDB or memory, Kafka or memory), read once.
/// </summary>
public static class ProctorWiseSiloBuilderExtensions
{
    /// <summary>The section bound to Orleans' <see cref="ClusterMembershipOptions"/>.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>
    /// Sections bound whole to Orleans' own options classes; the README documents them as <c>Section:*</c>
    /// and points to Orleans' documentation for their keys.
    /// </summary>
    public static IReadOnlyList<string> OrleansSections { get; } = [MembershipSection, ReminderOptionsValidator.Section];

    /// <summary>Hosts a ProctorWise silo in this application (the Silo executable, or co-hosted with the API).</summary>
    public static IHostApplicationBuilder AddProctorWiseSilo(this IHostApplicationBuilder builder)
    {
        var hosting = builder.AddProctorWiseHostingOptions();
        var configuration = builder.Configuration;
        builder.Services.AddValidatedOptions<BootstrapOptions, BootstrapOptionsValidator>(configuration.GetSection(BootstrapOptions.Section));
        builder.Services.AddValidatedOptions<DemoOptions, DemoOptionsValidator>(configuration.GetSection(DemoOptions.Section));
        if (hosting is { MariaDbConnectionString: { } connectionString, MigrateOnStart: true })
        {
            // Registered before the silo so the schema exists when membership starts.
            builder.Services.AddMariaDbMigrationOnStart(connectionString);
        }

        // Readiness is this silo's own: its membership status, its storage provider and its streams. The lake and the
        // analytics engine are checked too, for the admin platform page (ISiloReadiness), but stay out of /health/ready:
        // their outage stops analytics, not exams, so it must not take the silo out of service.
        builder.Services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>("membership", tags: [HealthEndpoints.ReadyTag, HealthEndpoints.SiloTag])
            .AddCheck<SiloStorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag, HealthEndpoints.SiloTag])
            .AddCheck<StreamsHealthCheck>("streams", tags: [HealthEndpoints.ReadyTag, HealthEndpoints.SiloTag])
            .AddCheck<LakeHealthCheck>("lake", tags: [HealthEndpoints.SiloTag])
            .AddCheck<AnalyticsEngineHealthCheck>("analytics-engine", tags: [HealthEndpoints.SiloTag]);
        builder.Services.AddSingleton<StreamsHealthCheck>();
        builder.Services.AddSingleton<ISiloReadiness, SiloReadiness>();
        builder.Services.AddHostedService<PortAvailabilityCheck>();
        builder.UseOrleans(silo =>
        {
            silo.UseProctorWiseClustering(hosting, configuration);
            silo.UseProctorWiseKubernetesHosting(configuration);
            silo.AddProctorWiseGrains(hosting, configuration);
            silo.AddStartupTask<SetupStartupTask>();
            silo.AddStartupTask<AnalyticsStartupTask>();
        });
        return builder;
    }

    /// <summary>Cluster identity, endpoints and membership.</summary>
    public static ISiloBuilder UseProctorWiseClustering(this ISiloBuilder silo, HostingOptions hosting, IConfiguration configuration)
    {
        // Failure detection is tuned per deployment (Orleans__Membership__ProbeTimeout, …).
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(MembershipSection));
        if (hosting.MariaDbConnectionString is not { } connectionString)
        {
            // Localhost clustering is one machine's: it advertises loopback unless an address is configured,
            // which then holds for the primary silo's endpoint too (silos on one host share it).
            var address = hosting.AdvertisedAddress ?? System.Net.IPAddress.Loopback;
            var primary = hosting.PrimarySiloPort is { } port ? new System.Net.IPEndPoint(address, port) : null;
            silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort, primary, hosting.ServiceId, hosting.ClusterId);
            if (hosting.AdvertisedAddress is { } advertised)
            {
                silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = advertised);
            }

            return silo;
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            // Unset, Orleans advertises the host's own address (the pod IP in a container), never loopback.
            if (hosting.AdvertisedAddress is { } address)
            {
                o.AdvertisedIPAddress = address;
            }

            o.SiloPort = hosting.SiloPort;
            o.GatewayPort = hosting.GatewayPort;
        });
        return silo.UseMariaDbClustering(connectionString);
    }

    /// <summary>Everything grains need except membership, from configuration (tests that bring their own cluster use this).</summary>
    public static ISiloBuilder AddProctorWiseGrains(this ISiloBuilder silo, IConfiguration configuration) =>
        silo.AddProctorWiseGrains(HostingOptions.From(configuration), configuration);

    /// <summary>Everything grains need except membership: storage, reminders, streams, options and adapters.</summary>
    public static ISiloBuilder AddProctorWiseGrains(this ISiloBuilder silo, HostingOptions hosting, IConfiguration configuration)
    {
        if (hosting.MariaDbConnectionString is { } connectionString)
        {
            // Driver exceptions leave the silo as StorageUnavailableException, which every caller can read.
            silo.AddMariaDbGrainStorage(StorageNames.Default, connectionString).TranslateStorageFaults(StorageNames.Default);
            silo.AddMariaDbGrainStorage(StorageNames.PubSub, connectionString).TranslateStorageFaults(StorageNames.PubSub);
            silo.UseMariaDbReminders(connectionString);
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.UseInMemoryReminderService();
        }

        if (hosting.Streams == StreamTransport.Kafka)
        {
            silo.AddKafkaStreams(StreamProviders.Default, o => StreamingSettings.Apply(o, hosting, configuration), StreamingSettings.ConfigureProvider);
            silo.Services.TryAddSingleton<IStreamQueueDiagnostics, KafkaStreamQueueDiagnostics>();
        }
        else
        {
            silo.AddMemoryStreams(StreamProviders.Default, StreamingSettings.ConfigureProvider);
        }

        var services = silo.Services;
        services.AddValidatedOptions<ReminderOptions, ReminderOptionsValidator>(configuration.GetSection(ReminderOptionsValidator.Section));
        services.AddValidatedOptions<StreamOptions, StreamOptionsValidator>(configuration.GetSection(StreamOptions.Section));

        // State is stored with the Orleans serializer: [GenerateSerializer]/[Id]/[Alias] make it
        // version-tolerant (fields can be added), unlike JSON with CLR type names.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        services.AddIdentityPasswordHashing();
        services.AddDomainEvents();
        services.AddFileEvidenceStore(configuration);
        services.AddValidatedOptions<ExamSessionOptions, ExamSessionOptionsValidator>(configuration.GetSection(ExamSessionOptions.Section));
        services.AddValidatedOptions<LoginThrottleOptions, LoginThrottleOptionsValidator>(configuration.GetSection(LoginThrottleOptions.Section));
        services.AddValidatedOptions<NotificationOptions, NotificationOptionsValidator>(configuration.GetSection(NotificationOptions.Section));
        services.AddProctorWiseMail(configuration);
        services.AddProctorWiseVision(configuration);
        services.AddValidatedOptions<FrameSkipOptions, FrameSkipOptionsValidator>(configuration.GetSection(FrameSkipOptions.Section));
        services.AddMetrics();
        services.TryAddSingleton<VisionMetrics>();
        services.AddProctorWiseAnalytics(configuration);
        services.AddProctorWisePdfReports(configuration);
        silo.AddLakeIngestion(hosting);
        silo.AddPlacementDirector<SiloKeyedPlacement, SiloKeyedPlacementDirector>();
        silo.AddIncomingGrainCallFilter<StorageFaultCallFilter>();
        silo.AddProctorWiseDashboard(configuration);
        if (TelemetryOptions.From(configuration).TracesEnabled)
        {
            silo.AddActivityPropagation();
        }

        return silo;
    }

    /// <summary>
    /// Binds options to their section and checks them when the host starts, so a bad value stops the start
    /// with the validator's message (which names the key) instead of failing the first request that uses it.
    /// </summary>
    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfigurationSection section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
