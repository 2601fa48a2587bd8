namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Every route parameter of the API is an id (docs/API.md §1), so every route value is checked by
/// <see cref="ResourceIds"/> before a handler runs, and a malformed one is a 400 naming the parameter instead
/// of reaching <c>GetGrain</c>. Added once, to the group that holds all endpoints
/// (<see cref="Hosting.ApiHostingExtensions.MapProctorWiseApi"/>), so a new route cannot forget it.
/// </summary>
internal sealed class RouteIdFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
        {
            ResourceIds.Require(name, value as string);
        }

        return next(context);
    }
}
