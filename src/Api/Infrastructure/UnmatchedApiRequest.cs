using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// The answer to a server path no endpoint took. Routing drops an endpoint whose declared body media types
/// (JSON) do not match the request's <c>Content-Type</c> before its handler could answer 415, so a body of the
/// wrong type would land here; when a real endpoint has this path and verb, the answer is that 415, naming what
/// to send. Anything else is a 404 problem.
/// </summary>
internal static class UnmatchedApiRequest
{
    public static IResult Answer(HttpContext context)
    {
        var request = context.Request;
        foreach (var endpoint in context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts
                && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
                && methods.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
                && new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(request.Path, []))
            {
                return TypedResults.Problem(
                    title: "Unsupported media type.",
                    detail: $"Send the body as {string.Join(" or ", accepts.ContentTypes)}.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            }
        }

        return TypedResults.Problem(title: "Not found.", statusCode: StatusCodes.Status404NotFound);
    }
}
