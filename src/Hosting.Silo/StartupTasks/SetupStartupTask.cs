using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Setup;

namespace ProctorWise.Hosting.Silo.StartupTasks;

/// <summary>When a silo starts: the evidence sweep is scheduled, and the setup grain makes the bootstrap admin and the demo data.</summary>
internal sealed partial class SetupStartupTask(
    IGrainFactory grains,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    ILogger<SetupStartupTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        await grains.GetGrain<IEvidenceRetentionGrain>(SingletonKeys.Default).EnsureScheduledAsync();
        var setup = grains.GetGrain<ISetupGrain>(SingletonKeys.Default);
        if (bootstrap.Value is { AdminEmail: { Length: > 0 } email, AdminPassword: { Length: > 0 } password })
        {
            await setup.EnsureBootstrapAdminAsync(email, password);
        }

        var demoOptions = demo.Value;
        if (demoOptions.Enabled ?? environment.IsDevelopment())
        {
            if (await setup.EnsureDemoDataAsync(new DemoDataRequest(demoOptions.Password, demoOptions.FirstSlotDelay)))
            {
                LogDemoAccounts(logger, demoOptions.Password);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data seeded: accounts admin|teacher|proctor|student@proctorwise.test, password '{Password}'. Set Demo__Enabled=false in production.")]
    private static partial void LogDemoAccounts(ILogger logger, string password);
}
