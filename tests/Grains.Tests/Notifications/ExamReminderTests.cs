using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Notifications;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Notifications;

/// <summary>Reminders 24 h and 1 h before a booked slot, on Orleans reminders, with the domain clock moved forward.</summary>
[Collection(NotificationClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExamReminderTests(NotificationClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    [Fact]
    public async Task RemindersArriveTwentyFourHoursAndOneHourBeforeTheSlot()
    {
        var (student, slot, booking) = await BookAsync(TimeSpan.FromHours(25));
        var inbox = new Inbox(fixture.Grains, student);
        await inbox.WaitForAsync(n => n.Type == NotificationType.BookingConfirmed, "the booking confirmation");
        var reminders = fixture.Grains.GetGrain<IExamReminderGrain>(booking.Id);
        // The reminders are scheduled by the booking's event, not by the booking call: wait for them.
        Assert.Equal(["24h", "1h"], await Eventually.UntilAsync(reminders.GetPendingAsync, p => p.Count == 2, "the reminders scheduled"));

        fixture.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var dayBefore = await inbox.WaitForAsync(n => n.Type == NotificationType.ExamReminder, "the 24 h reminder");
        Assert.Equal("Algebra I starts in 24 hours", dayBefore.Title);
        Assert.Contains(NotificationTemplates.Time(slot.StartsAt), dayBefore.Body, StringComparison.Ordinal);
        Assert.Equal(["1h"], await reminders.GetPendingAsync());

        fixture.Clock.Advance(TimeSpan.FromHours(23));
        var hourBefore = await inbox.WaitForAsync(n => n.Title == "Algebra I starts in 1 hour", "the 1 h reminder");
        await inbox.WaitForEmailAsync(hourBefore.Id, d => d.Status == DeliveryStatus.Sent, "the 1 h reminder e-mailed");
        var mail = Assert.Single(fixture.Smtp.To(await inbox.EmailAsync()), m => m.Subject == "Algebra I starts in 1 hour");
        Assert.Contains(NotificationTemplates.Time(slot.StartsAt), mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await reminders.GetPendingAsync());
        await NoOrleansReminderAsync(booking.Id);
        Assert.Equal(2, (await inbox.AllAsync()).Count(n => n.Type == NotificationType.ExamReminder));
    }

    [Fact]
    public async Task CancellingTheBookingDropsItsReminders()
    {
        var (student, _, booking) = await BookAsync(TimeSpan.FromHours(25));
        var inbox = new Inbox(fixture.Grains, student);
        await inbox.WaitForAsync(n => n.Type == NotificationType.BookingConfirmed, "the booking confirmation");
        var reminders = fixture.Grains.GetGrain<IExamReminderGrain>(booking.Id);
        await Eventually.UntilAsync(reminders.GetPendingAsync, p => p.Count == 2, "the reminders scheduled");

        await fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId).CancelAsync(student, booking.Id);
        await inbox.WaitForAsync(n => n.Type == NotificationType.BookingCancelled, "the cancellation");

        Assert.Empty(await reminders.GetPendingAsync());
        await NoOrleansReminderAsync(booking.Id);
    }

    [Fact]
    public async Task ABookingMadeLessThanADayAheadGetsOnlyTheHourReminder()
    {
        var (_, _, booking) = await BookAsync(TimeSpan.FromHours(5));
        var reminders = fixture.Grains.GetGrain<IExamReminderGrain>(booking.Id);
        Assert.Equal(["1h"], await Eventually.UntilAsync(reminders.GetPendingAsync, p => p.Count > 0, "the reminder scheduled"));
    }

    private async Task NoOrleansReminderAsync(string bookingId)
    {
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var grainId = fixture.Grains.GetGrain<IExamReminderGrain>(bookingId).GetGrainId();
        Assert.Empty((await table.ReadRows(grainId)).Reminders);
    }

    private async Task<(Caller Student, Interfaces.Slots.SlotView Slot, BookingView Booking)> BookAsync(TimeSpan startsIn)
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, startsIn);
        return (student, slot, await _given.BookAsync(student, slot.Id));
    }
}
