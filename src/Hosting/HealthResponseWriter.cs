using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProctorWise.Hosting;

/// <summary>Writes a health report as JSON: the overall status, and one line per check with its reason for those allowed to read them.</summary>
internal static class HealthResponseWriter
{
    public static Func<HttpContext, HealthReport, Task> For(Func<HttpContext, bool> mayReadDetails) =>
        (context, report) => WriteAsync(context, report, mayReadDetails(context));

    public static Task WriteAsync(HttpContext context, HealthReport report, bool details)
    {
        context.Response.ContentType = "application/json";
        object body = details
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
