using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Api.Features.Platform;

/// <summary>Small platform facts clients need.</summary>
public static class PlatformEndpoints
{
    /// <summary>Maps <c>/api/time</c>.</summary>
    public static RouteGroupBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Platform");
        group.MapGet("/time", GetTime).AllowAnonymous().WithName("GetServerTime")
            .WithSummary("The server's time: clients align countdowns and start buttons on it, not on the browser's clock.");

        // Unknown /api paths are 404 problems: see WebClientHostingExtensions, which keeps every server prefix off the page.
        return group;
    }

    private static Ok<TimeResponse> GetTime([FromKeyedServices(DomainClock.Key)] TimeProvider clock) => TypedResults.Ok(new TimeResponse(clock.GetUtcNow()));
}
