using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace ProctorWise.Hosting;

/// <summary>
/// The official Orleans dashboard (Microsoft.Orleans.Dashboard): collected on every silo, served by the API hosts at
/// <see cref="Path"/> to administrators only (docs/operations.md). Section <c>Orleans:Dashboard</c>.
/// </summary>
public sealed class OrleansDashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orleans:Dashboard";

    /// <summary>Where the API serves the dashboard.</summary>
    public const string Path = "/dashboard";

    /// <summary>Collect and serve the dashboard (default true). Off, silos skip its grain-call profiling entirely.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Hide the dashboard's live log stream (default true): logs can carry names and e-mail addresses, and the
    /// dashboard offers no way to filter them.
    /// </summary>
    public bool HideTrace { get; init; } = true;

    /// <summary>Milliseconds between counter samples (at least 1000; default 1000).</summary>
    public int CounterUpdateIntervalMs { get; init; } = 1000;

    /// <summary>Reads and validates the section; a bad value throws naming its key.</summary>
    public static OrleansDashboardOptions From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<OrleansDashboardOptions>() ?? new OrleansDashboardOptions();
        if (settings.CounterUpdateIntervalMs < 1000)
        {
            throw new OptionsValidationException(nameof(OrleansDashboardOptions), typeof(OrleansDashboardOptions),
                [$"{Section}:CounterUpdateIntervalMs is {settings.CounterUpdateIntervalMs}; it must be at least 1000."]);
        }

        return settings;
    }

    /// <summary>Applies these settings to the dashboard's own options.</summary>
    public void Apply(DashboardOptions options)
    {
        options.HideTrace = HideTrace;
        options.CounterUpdateIntervalMs = CounterUpdateIntervalMs;
    }
}

/// <summary>Adds the dashboard to silos and to API clients, as <see cref="OrleansDashboardOptions"/> says.</summary>
public static class OrleansDashboardExtensions
{
    /// <summary>Collects dashboard data on this silo (every silo must, for the dashboard to show the cluster).</summary>
    public static ISiloBuilder AddProctorWiseDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = OrleansDashboardOptions.From(configuration);
        return settings.Enabled ? silo.AddDashboard(settings.Apply) : silo;
    }

    /// <summary>Lets an API process that is only a client serve the dashboard.</summary>
    public static IClientBuilder AddProctorWiseDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansDashboardOptions.From(configuration);
        return settings.Enabled ? client.AddDashboard(settings.Apply) : client;
    }
}
