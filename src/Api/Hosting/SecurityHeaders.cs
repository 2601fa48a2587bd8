using Microsoft.Net.Http.Headers;

namespace ProctorWise.Api.Hosting;

/// <summary>
/// Security headers on every response: pages, <c>/api</c>, evidence images, hub negotiation, static files,
/// problems and errors alike. They are written just before the headers go out, so a handler or the exception
/// handler (which clears the response) cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy of everything but the reference page: only this origin's scripts, styles and connections
    /// (<c>'self'</c> covers the page's own <c>ws:</c>/<c>wss:</c> origin for SignalR in current browsers);
    /// camera frames stay in the page; nothing may frame it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// The API reference page (Scalar) starts itself with an inline script and injects its styles, so its
    /// own path allows inline code; it shows no user content, and it is off in Production unless enabled.
    /// </summary>
    public const string ReferencePageContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// The Orleans dashboard (administrators only) loads its own module script from this origin but sets style
    /// attributes from script, which <c>style-src 'self'</c> alone refuses; inline scripts stay refused.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Where the reference page is served.</summary>
    public const string ReferencePagePath = "/scalar";

    /// <summary>Adds the headers to every response, and HSTS on HTTPS requests outside Development.</summary>
    public static WebApplication UseProctorWiseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state => Apply((HttpContext)state), context);
            return next(context);
        });

        // Only on HTTPS requests (the scheme a trusted proxy forwards counts) and never for localhost; a
        // developer's browser would otherwise remember it for localhost's other apps.
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers[HeaderNames.ContentSecurityPolicy] = path.StartsWithSegments(ReferencePagePath)
            ? ReferencePageContentSecurityPolicy
            : path.StartsWithSegments(ProctorWise.Hosting.OrleansDashboardOptions.Path)
                ? DashboardContentSecurityPolicy
                : ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
        return Task.CompletedTask;
    }
}
