using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Hosting;

namespace ProctorWise.Api.Hubs;

/// <summary>The SignalR side of the API: hubs, their filters, the grain observer and the connection registry.</summary>
public static class HubHostingExtensions
{
    // SignalR logs every failed hub call at Error with its stack; DomainErrorHubFilter logs them instead.
    private const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>Registers the hubs' services.</summary>
    public static IHostApplicationBuilder AddProctorWiseHubs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.AddFilter(DispatcherCategory, LogLevel.Critical);

        // The first filter wraps the others: refusals of the rights and id checks are logged like any other.
        services.AddSignalR(o =>
            {
                o.AddFilter<DomainErrorHubFilter>();
                o.AddFilter<HubRightsFilter>();
                o.AddFilter<HubIdFilter>();
            })
            .AddJsonProtocol(o => ApiHostingExtensions.ConfigureJson(o.PayloadSerializerOptions));
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubObserver>();
        services.AddSingleton<ProctoringMetrics>();
        services.AddHostedService<HubObserverRegistration>();
        return builder;
    }

    /// <summary>
    /// Maps the hubs; a connection closes when its token expires (the client signs in or refreshes and reconnects).
    /// A stopping host refuses new hub connections (<see cref="HubDrain"/>).
    /// </summary>
    public static WebApplication MapProctorWiseHubs(this WebApplication app)
    {
        app.UseHubDrain();
        app.MapHub<ProctorHub>("/hubs/proctor", o => o.CloseOnAuthenticationExpiration = true);
        app.MapHub<StudentHub>("/hubs/student", o => o.CloseOnAuthenticationExpiration = true);
        app.MapHub<NotificationHub>("/hubs/notifications", o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
