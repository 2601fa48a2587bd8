using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Ports;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Grains.Tests.Notifications;

/// <summary>
/// Two silos wired like production with e-mail over SMTP to <see cref="Smtp"/>, quick e-mail retries, a one-second
/// reminder tick and a short anomaly window. The domain clock is <see cref="Clock"/>.
/// </summary>
public sealed class NotificationClusterFixture : IAsyncLifetime
{
    /// <summary>The anomaly digest window of this cluster.</summary>
    public static readonly TimeSpan DigestWindow = TimeSpan.FromSeconds(3);

    /// <summary>The domain clock of both silos.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>The SMTP server the silos send to.</summary>
    public LoopbackSmtp Smtp { get; } = new();

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "pw-notify-" + Guid.NewGuid().ToString("N"));

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The client's grain factory.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Puts a fact on its stream, as its grain would (a test's stand-in for a publisher, or a redelivery).</summary>
    public Task PublishAsync(string streamNamespace, string key, DomainEvent domainEvent) =>
        Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(streamNamespace, key, domainEvent);

    public async ValueTask InitializeAsync()
    {
        await Smtp.UpAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Evidence:Path"] = Path.Combine(_scratch, "evidence"),
                ["Lake:Path"] = Path.Combine(_scratch, "lake"),
                ["Mail:Provider"] = "Smtp",
                ["Mail:From"] = "ProctorWise <exams@school.test>",
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None",
                ["Mail:Smtp:Timeout"] = "00:00:02",
                ["Notifications:MailRetryDelay"] = "00:00:00.300",
                ["Notifications:MailMaxRetryDelay"] = "00:00:01",
                ["Notifications:MailMaxAttempts"] = "6",
                ["Notifications:MailRetryCheckInterval"] = "00:00:01",
                ["Notifications:ReminderCheckInterval"] = "00:00:01",
                ["Notifications:AnomalyDigestWindow"] = DigestWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                ["Reminders:MinimumReminderPeriod"] = "00:00:01",
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IPasswordHashing, RecordingPasswordHashing>();
            silo.AddProctorWiseGrains(configuration);
            silo.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Smtp.DisposeAsync();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
