namespace ProctorWise.Api.Hosting;

/// <summary>Tells whoever ran the command where to point a browser.</summary>
internal static partial class StartupBanner
{
    public static void Log(WebApplication app, bool apiReference)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProctorWise");
        foreach (var url in app.Urls.Select(u => u.TrimEnd('/')))
        {
            if (apiReference)
            {
                LogReady(logger, url);
            }
            else
            {
                LogReadyWithoutReference(logger, url);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ProctorWise is running at {Url} (API reference: {Url}/scalar/v1, health: {Url}/health/ready)")]
    private static partial void LogReady(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "ProctorWise is running at {Url} (health: {Url}/health/ready; the API reference is off, ApiReference:Enabled turns it on)")]
    private static partial void LogReadyWithoutReference(ILogger logger, string url);
}
