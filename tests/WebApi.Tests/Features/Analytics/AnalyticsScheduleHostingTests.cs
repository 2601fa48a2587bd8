using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>
/// <c>Analytics:Jobs:ScheduleEnabled</c>: a host with the schedule on registers the scheduler's reminder at start; the
/// test hosts (ApiFactory) turn it off, so no scheduled run starts against their throwaway lakes.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AnalyticsScheduleHostingTests(ApiFactory factory)
{
    [Fact]
    public async Task TheTestHostsRegisterNoScheduleAndAHostWithTheScheduleOnDoes()
    {
        Assert.Empty(await SchedulerRemindersAsync(factory));

        await using var scheduled = new ScheduledFactory();
        await scheduled.InitializeAsync();

        Assert.Equal(["analytics-schedule"], await SchedulerRemindersAsync(scheduled));
    }

    private static async Task<List<string>> SchedulerRemindersAsync(ApiFactory host)
    {
        var scheduler = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnalyticsSchedulerGrain>(SingletonKeys.Default);
        var rows = await host.Services.GetRequiredService<IReminderTable>().ReadRows(scheduler.GetGrainId());
        return [.. rows.Reminders.Select(r => r.ReminderName)];
    }

    private sealed class ScheduledFactory : ApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Analytics:Jobs:ScheduleEnabled"] = "true";
            return settings;
        }
    }
}
