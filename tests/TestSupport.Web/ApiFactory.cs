using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.TestSupport.Web;

/// <summary>
/// The WebApi in embedded mode (co-hosted silo, in-memory providers) served by Kestrel on a private
/// loopback port (real HTTP: body limits, connection handling and later WebSockets behave as in
/// production), with a bootstrap admin from configuration, no demo data and a movable domain clock.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Configures Kestrel on a free port.</summary>
    public ApiFactory() => UseKestrel(FreePorts.Next());

    public const string AdminEmail = "root@school.test";
    public const string AdminPassword = "bootstrap-password";
    public const string JwtSecret = "test-secret-that-is-long-enough-for-hs256!";
    public const string JwtIssuer = "proctorwise";

    /// <summary>The domain clock.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>What the host logged (at the levels its configuration lets through).</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>Settings of this host; subclasses add or override.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Jwt:Secret"] = JwtSecret,
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["Demo:Enabled"] = "false",
        ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N"),
        ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sessions:TickInterval"] = "00:00:00.200",
        ["LoginThrottle:MaxFailures"] = "3",
        ["RateLimits:CredentialsPerMinute"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Evidence:Path"] = EvidencePath,
        ["Lake:Path"] = LakePath,
        ["Mail:PickupPath"] = MailPath,

        // Tests check what the rules make of analysed frames, on two cores shared with other test hosts: the vision
        // workers keep the normal priority and a frame may wait the longest bound before it is shed, so a starved
        // low-priority worker does not turn a test's frame into a shed one (shedding is tested in Vision.Onnx.Tests).
        ["Vision:WorkerNice"] = "0",
        ["Vision:MaxQueueWait"] = "00:00:02",
        ["Vision:OverdueMaxQueueWait"] = "00:00:02",

        // No scheduled analytics runs against the throwaway lake; tests start runs through the API.
        ["Analytics:Jobs:ScheduleEnabled"] = "false",

        // Off outside Development by default; the tests read the contract (OpenApiSnapshotTests, scripts/update-openapi.sh).
        ["ApiReference:Enabled"] = "true",
    };

    /// <summary>Where this host's evidence frames go (a fresh temporary folder).</summary>
    public string EvidencePath { get; } = Path.Combine(Path.GetTempPath(), "pw-evidence-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where this host's lake is (a fresh temporary folder): the silo lands the facts there.</summary>
    public string LakePath { get; } = Path.Combine(Path.GetTempPath(), "pw-lake-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where this host's e-mails are written (a fresh temporary folder; the pickup sender is the default).</summary>
    public string MailPath { get; } = Path.Combine(Path.GetTempPath(), "pw-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>The environment the host runs in.</summary>
    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    public virtual ValueTask InitializeAsync()
    {
        // Starting the server starts the silo and runs the start-up tasks (bootstrap admin).
        StartServer();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the host, then removes its temporary evidence and lake folders.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var folder in new[] { EvidencePath, LakePath, MailPath })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client for this host with the API's JSON contract.</summary>
    public ApiClient Anonymous() => new(CreateClient(), this);

    /// <summary>A client signed in as the bootstrap admin.</summary>
    public Task<ApiClient> AdminAsync() => Anonymous().LoginAsync(AdminEmail, AdminPassword);
}
