using Microsoft.Extensions.Configuration;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// An exam reminder is an Orleans reminder in MariaDB: scheduled at booking, it still fires when every silo that
/// existed then is gone (issue 16), without anything calling the reminder's grain.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NotificationReminderPersistenceTests(MariaDbServer server) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> s_fastReminders = new() { ["Notifications:ReminderCheckInterval"] = "00:00:01" };

    private readonly ShiftableClock _clock = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = server.ConnectionString }).Build();
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], configuration, output, Cancel));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task TheDayBeforeReminderFiresAfterARestartOfEverySilo()
    {
        var serviceId = MariaDbCluster.NewServiceId();
        Caller student;
        await using (var first = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, overrides: s_fastReminders))
        {
            var given = new Scenario(first.Client, _clock);
            var teacher = await given.UserAsync(UserRole.Teacher);
            student = await given.UserAsync(UserRole.Student);
            var (exam, _) = await given.PublishedExamAsync(teacher);
            var slot = await given.SlotAsync(exam, teacher, TimeSpan.FromHours(25));
            var booking = await given.BookAsync(student, slot.Id);
            await Eventually.UntilAsync(
                () => first.Client.GetGrain<IExamReminderGrain>(booking.Id).GetPendingAsync(),
                pending => pending.Count == 2,
                "both reminders scheduled at booking");
            Assert.DoesNotContain(await InboxAsync(first, student), n => n.Type == NotificationType.ExamReminder);
        }

        // Every silo that scheduled it is gone; the day-before moment passes while none runs.
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await using var second = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 1, overrides: s_fastReminders);

        // Only the student's inbox is read: calling the reminder grain would activate it and hide a lost reminder.
        var inbox = await Eventually.UntilAsync(
            () => InboxAsync(second, student),
            items => items.Any(n => n.Type == NotificationType.ExamReminder),
            "the 24 h reminder in the inbox after the restart",
            TimeSpan.FromSeconds(60),
            items => string.Join(", ", items.Select(n => $"{n.Type}: {n.Title}")));
        var reminder = Assert.Single(inbox, n => n.Type == NotificationType.ExamReminder);
        Assert.EndsWith("starts in 24 hours", reminder.Title, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<NotificationView>> InboxAsync(MariaDbCluster cluster, Caller user) =>
        (await cluster.Client.GetGrain<INotificationGrain>(user.UserId).ListAsync(user, new PageRequest(1, PageRequest.MaxPageSize))).Items;
}
