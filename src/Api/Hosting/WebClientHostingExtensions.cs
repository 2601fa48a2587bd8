using Microsoft.Extensions.Options;
using ProctorWise.Api.Infrastructure;

namespace ProctorWise.Api.Hosting;

/// <summary>
/// Serves the web client (built into wwwroot from ClientApp) from the API's own origin: no CORS, no
/// hard-coded URLs. Browser routes fall back to index.html; unknown paths under the server's own prefixes
/// (<c>/api</c>, <c>/hubs</c>, <c>/health</c>, <c>/openapi</c>, <c>/scalar</c>, <c>/dashboard</c>) never do: they answer 404
/// with problem details.
/// </summary>
public static partial class WebClientHostingExtensions
{
    private static readonly string[] s_serverPaths = ["/api", "/hubs", "/health", "/openapi", "/scalar", "/dashboard"];

    /// <summary>Adds static files and the SPA fallback (the security headers are <see cref="SecurityHeaders"/>').</summary>
    public static WebApplication UseProctorWiseWebClient(this WebApplication app)
    {
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
            if (app.Services.GetRequiredService<IOptions<ApiReferenceOptions>>().Value.IsEnabledIn(app.Environment))
            {
                app.MapGet("/", () => Results.Redirect("/scalar/v1")).ExcludeFromDescription();
            }
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web client is not built (wwwroot/index.html missing: the build needs Node.js and npm). Serving the API only; / leads to the API reference when it is enabled.")]
    private static partial void LogClientMissing(ILogger logger);
}
