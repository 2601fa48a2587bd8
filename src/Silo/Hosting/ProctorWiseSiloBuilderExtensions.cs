using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Silo.Adapters.Security;
using ProctorWise.Silo.Adapters.Vision;
using ProctorWise.Silo.StartupTasks;

namespace ProctorWise.Silo.Hosting;

/// <summary>
/// The one place where a silo is wired: clustering, storage, reminders, streams and the adapters
/// behind the grains' ports. Providers are chosen from configuration here and nowhere else.
/// </summary>
public static class ProctorWiseSiloBuilderExtensions
{
    /// <summary>Hosts a ProctorWise silo in this application (silo-only host or co-hosted with the WebApi).</summary>
    public static IHostApplicationBuilder AddProctorWiseSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.UseOrleans(silo =>
        {
            silo.UseProctorWiseClustering(configuration);
            silo.AddProctorWiseGrains(configuration);
            silo.AddStartupTask<SetupStartupTask>();
        });
        return builder;
    }

    /// <summary>Membership: localhost clustering in embedded mode (one or more silos on one machine).</summary>
    public static ISiloBuilder UseProctorWiseClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var endpoints = OrleansEndpointSettings.From(configuration);
        var primary = endpoints.PrimarySiloPort is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null;
        return silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, primary, endpoints.ServiceId, endpoints.ClusterId);
    }

    /// <summary>
    /// Everything grains need except membership (tests bring their own): storage, reminders, streams,
    /// options and adapters.
    /// </summary>
    public static ISiloBuilder AddProctorWiseGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddMemoryGrainStorage(StorageNames.Default);
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.UseInMemoryReminderService();
        silo.AddMemoryStreams(StreamProviders.Default);

        var services = silo.Services;
        services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        services.TryAddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        services.AddOptions<ExamSessionOptions>().Bind(configuration.GetSection(ExamSessionOptions.Section));
        services.AddOptions<LoginThrottleOptions>().Bind(configuration.GetSection(LoginThrottleOptions.Section));
        services.AddProctorWiseVision(configuration);
        return silo;
    }
}
