using Microsoft.Net.Http.Headers;
using ProctorWise.Api.Infrastructure;

namespace ProctorWise.Api.Hosting;

/// <summary>
/// Serves the web client (built into wwwroot from ClientApp) from the API's own origin: no CORS, no
/// hard-coded URLs. Browser routes fall back to index.html; unknown paths under the server's own prefixes
/// (<c>/api</c>, <c>/hubs</c>, <c>/health</c>, <c>/openapi</c>, <c>/scalar</c>) never do: they answer 404
/// with problem details.
/// </summary>
public static partial class WebClientHostingExtensions
{
    /// <summary>The page's policy: only this origin's scripts, styles and connections; camera frames stay in the page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; " +
        "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static readonly string[] s_serverPaths = ["/api", "/hubs", "/health", "/openapi", "/scalar"];

    /// <summary>Adds static files, security headers for the client's pages and the SPA fallback.</summary>
    public static WebApplication UseProctorWiseWebClient(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!s_serverPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            }

            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // More specific than the page's catch-all below, and like it only chosen when no real endpoint matches:
        // an unknown server path is a 404 problem, never the page (whether or not the client is built); a
        // known one whose body has the wrong media type is a 415.
        foreach (var prefix in s_serverPaths)
        {
            app.MapFallback(prefix + "/{**path}", UnmatchedApiRequest.Answer).ExcludeFromDescription();
        }

        if (app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            app.MapFallbackToFile("index.html");
        }
        else
        {
            LogClientMissing(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProctorWise"));
            app.MapGet("/", () => Results.Redirect("/scalar/v1")).ExcludeFromDescription();
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web client is not built (wwwroot/index.html missing: the build needs Node.js and npm). Serving the API only; / leads to the API reference.")]
    private static partial void LogClientMissing(ILogger logger);
}
