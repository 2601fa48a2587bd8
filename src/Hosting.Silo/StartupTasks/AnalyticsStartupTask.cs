using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Hosting.Silo.StartupTasks;

/// <summary>When a silo starts: the analytics scheduler is activated and its reminder registered (idempotent on every silo).</summary>
internal sealed class AnalyticsStartupTask(IGrainFactory grains) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken) =>
        grains.GetGrain<IAnalyticsSchedulerGrain>(SingletonKeys.Default).EnsureScheduledAsync();
}
