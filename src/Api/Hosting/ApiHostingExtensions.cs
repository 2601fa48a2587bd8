using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Features.Analytics;
using ProctorWise.Api.Features.Auth;
using ProctorWise.Api.Features.Bookings;
using ProctorWise.Api.Features.Cluster;
using ProctorWise.Api.Features.Exams;
using ProctorWise.Api.Features.Grading;
using ProctorWise.Api.Features.Notifications;
using ProctorWise.Api.Features.Platform;
using ProctorWise.Api.Features.Proctoring;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Api.Features.Users;
using ProctorWise.Api.Hubs;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Hosting;
using Scalar.AspNetCore;

namespace ProctorWise.Api.Hosting;

/// <summary>The HTTP side: JSON contract, problem details, auth, limits, OpenAPI, health, metrics and endpoints.</summary>
public static class ApiHostingExtensions
{
    /// <summary>The largest request body accepted (frames have their own, smaller limit).</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>Where the API listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c>/<c>HTTP_PORTS</c> says.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Listens on <see cref="DefaultUrl"/> unless the usual ASP.NET Core settings name an address (a launch
    /// profile URL would override <c>ASPNETCORE_URLS</c> under <c>dotnet run</c>; this does not), and serves
    /// the web client of this library from a build folder in every environment, not only Development (a
    /// published app has it in its own wwwroot, and then this does nothing).
    /// </summary>
    public static WebApplicationBuilder UseProctorWiseWebHost(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Registers the API's services.</summary>
    public static IHostApplicationBuilder AddProctorWiseApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.AddProctorWiseAuth();
        services.AddProctorWiseTrustedProxies(builder.Configuration);
        services.AddProctorWiseRateLimits(builder.Configuration);
        services.AddOptions<ApiReferenceOptions>().BindConfiguration(ApiReferenceOptions.Section).ValidateOnStart();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>().AddSchemaTransformer<JsonContractSchemaTransformer>());
        services.AddProctorWiseHealthChecks(builder.Configuration)
            .AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<VisionHealthCheck>("vision", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<HubDrain.HealthCheck>(HubDrain.CheckName, tags: [HealthEndpoints.ReadyTag]);
        builder.AddProctorWiseTelemetry();
        services.AddSingleton(Options.Create(OrleansDashboardOptions.From(builder.Configuration)));
        builder.AddProctorWiseHubs();
        return builder;
    }

    /// <summary>The JSON contract of docs/API.md §1: camelCase, snake_case enums, UTC timestamps with Z.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new SnakeCaseEnumConverterFactory());
        options.Converters.Add(new AnswerValueJsonConverter());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }

    /// <summary>Adds the middleware and maps every endpoint.</summary>
    public static WebApplication MapProctorWiseApi(this WebApplication app)
    {
        // First, so that every response carries them, errors included (forwarded headers, when on, run
        // before this: the framework puts them at the very start of the pipeline).
        app.UseProctorWiseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseProctorWiseWebClient();
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseAuthorization();
        app.UseRateLimiter();

        var reference = app.Services.GetRequiredService<IOptions<ApiReferenceOptions>>().Value.IsEnabledIn(app.Environment);
        if (reference)
        {
            // The reference works offline and talks to no third party: Scalar's default fonts come from its CDN (which the
            // page's policy refuses), and its AI chat, MCP and developer-tools bar ("Ask AI", "Deploy") are Scalar's
            // hosted services, as is its telemetry.
            app.MapOpenApi();
            app.MapScalarApiReference(o => o.DisableDefaultFonts().DisableAgent().DisableMcp().HideDeveloperTools().DisableTelemetry());
        }

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Log(app, reference));
        app.MapProctorWiseHealth(http => http.User.IsInRole(RoleNames.Of(Grains.Interfaces.Security.UserRole.Admin)));
        app.MapProctorWiseMetrics();

        // One group around every feature so the id rule covers each route, present and future.
        var api = app.MapGroup(string.Empty).AddEndpointFilter<RouteIdFilter>();
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapExamEndpoints();
        api.MapBookingEndpoints();
        api.MapSessionEndpoints();
        api.MapGradingEndpoints();
        api.MapPlatformEndpoints();
        api.MapSessionProctoringEndpoints();
        api.MapProctorEndpoints();
        api.MapRoomReportEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapAnalyticsJobEndpoints();
        api.MapNotificationEndpoints();
        api.MapClusterEndpoints();
        api.MapReadinessEndpoints();
        app.MapProctorWiseHubs();
        if (app.Services.GetRequiredService<IOptions<OrleansDashboardOptions>>().Value.Enabled)
        {
            app.MapOrleansDashboard(OrleansDashboardOptions.Path).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        }
        return app;
    }
}
