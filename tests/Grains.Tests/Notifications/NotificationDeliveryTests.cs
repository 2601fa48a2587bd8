using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Notifications;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Notifications;

/// <summary>E-mail over a real SMTP server on loopback: delivered, retried while it is down, failed when it never answers.</summary>
[Collection(NotificationClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NotificationDeliveryTests(NotificationClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    [Fact]
    public async Task ABookingIsConfirmedInTheInboxAndByEmail()
    {
        var (student, slot) = await BookedStudentAsync();
        var inbox = new Inbox(fixture.Grains, student);
        var email = await inbox.EmailAsync();

        var confirmed = await inbox.WaitForAsync(n => n.Type == NotificationType.BookingConfirmed, "the booking confirmation");
        await inbox.WaitForEmailAsync(confirmed.Id, d => d.Status == DeliveryStatus.Sent, "the confirmation e-mail sent");

        var message = Assert.Single(fixture.Smtp.To(email));
        Assert.Equal("Booking confirmed: Algebra I", message.Subject);
        Assert.Contains("Algebra I", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(NotificationTemplates.Time(slot.StartsAt), message.TextBody, StringComparison.Ordinal);
        Assert.Contains(slot.StartsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture), message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("exams@school.test", message.From.Mailboxes.Single().Address);
        Assert.Null(confirmed.ReadAt);
        Assert.Contains(confirmed.Deliveries, d => d is { Channel: NotificationChannel.InApp, Status: DeliveryStatus.Sent });
    }

    [Fact]
    public async Task AnEmailSentWhileTheServerIsDownIsDeliveredOnceWhenItIsBack()
    {
        await fixture.Smtp.DownAsync();
        try
        {
            var (student, _) = await BookedStudentAsync();
            var inbox = new Inbox(fixture.Grains, student);
            var confirmed = await inbox.WaitForAsync(n => n.Type == NotificationType.BookingConfirmed, "the booking confirmation");
            var failing = await inbox.WaitForEmailAsync(confirmed.Id, d => d.Attempts >= 2, "two failed attempts");
            Assert.Equal(DeliveryStatus.Pending, failing.Status);
            Assert.NotNull(failing.Error);

            await fixture.Smtp.UpAsync();
            var sent = await inbox.WaitForEmailAsync(confirmed.Id, d => d.Status == DeliveryStatus.Sent, "the e-mail sent after the server came back");
            Assert.True(sent.Attempts >= 3);
            Assert.Single(fixture.Smtp.To(await inbox.EmailAsync()));
        }
        finally
        {
            await fixture.Smtp.UpAsync();
        }
    }

    [Fact]
    public async Task AServerThatNeverAnswersEndsInARecordedFailure()
    {
        await fixture.Smtp.SilentAsync();
        try
        {
            var (student, _) = await BookedStudentAsync();
            var inbox = new Inbox(fixture.Grains, student);
            var confirmed = await inbox.WaitForAsync(n => n.Type == NotificationType.BookingConfirmed, "the booking confirmation");

            var failed = await inbox.WaitForEmailAsync(confirmed.Id, d => d.Status == DeliveryStatus.Failed, "the e-mail given up");
            Assert.Equal(6, failed.Attempts);
            Assert.Contains("did not answer", failed.Error, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Smtp.UpAsync();
        }
    }

    [Fact]
    public async Task PreferencesWithoutEmailSendNoEmailButKeepTheInboxEntry()
    {
        var student = await _given.UserAsync(UserRole.Student);
        await fixture.Grains.GetGrain<INotificationPreferencesGrain>(student.UserId)
            .UpdateAsync(student, [new NotificationPreference(NotificationType.BookingConfirmed, InApp: true, Email: false)]);
        var slot = await SlotAsync(TimeSpan.FromHours(30));
        var booking = await _given.BookAsync(student, slot.Id);
        var inbox = new Inbox(fixture.Grains, student);
        var confirmed = await inbox.WaitForAsync(n => n.Type == NotificationType.BookingConfirmed, "the booking confirmation");
        Assert.DoesNotContain(confirmed.Deliveries, d => d.Channel == NotificationChannel.Email);

        // The cancellation is e-mailed (default) and comes after: once it arrived, the confirmation would have too.
        await fixture.Grains.GetGrain<Interfaces.Bookings.IStudentBookingsGrain>(student.UserId).CancelAsync(student, booking.Id);
        var cancelled = await inbox.WaitForAsync(n => n.Type == NotificationType.BookingCancelled, "the cancellation");
        await inbox.WaitForEmailAsync(cancelled.Id, d => d.Status == DeliveryStatus.Sent, "the cancellation e-mail sent");
        var message = Assert.Single(fixture.Smtp.To(await inbox.EmailAsync()));
        Assert.StartsWith("Booking cancelled", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedeliveredEventAddsNoSecondEntryAndSendsNoSecondEmail()
    {
        var student = await _given.UserAsync(UserRole.Student);
        var slot = await SlotAsync(TimeSpan.FromHours(30));
        var bookingId = Guid.NewGuid().ToString("N");
        var made = new BookingMade(Guid.CreateVersion7(), fixture.Clock.GetUtcNow(), bookingId, slot.Id, slot.ExamId, student.UserId, "teacher", slot.StartsAt, 1, 30);

        await fixture.PublishAsync(StreamNamespaces.Bookings, slot.Id, made);
        await fixture.PublishAsync(StreamNamespaces.Bookings, slot.Id, made);
        await fixture.PublishAsync(StreamNamespaces.Bookings, slot.Id, new BookingCancelled(
            Guid.CreateVersion7(), fixture.Clock.GetUtcNow(), bookingId, slot.Id, slot.ExamId, student.UserId, "teacher", slot.StartsAt));

        // One stream key is handled in order: once the cancellation is in, both copies of the booking were handled.
        var inbox = new Inbox(fixture.Grains, student);
        var cancelled = await inbox.WaitForAsync(n => n.Type == NotificationType.BookingCancelled, "the cancellation");
        await inbox.WaitForEmailAsync(cancelled.Id, d => d.Status == DeliveryStatus.Sent, "the cancellation e-mail sent");
        var confirmed = Assert.Single(await inbox.AllAsync(), n => n.Type == NotificationType.BookingConfirmed);
        await inbox.WaitForEmailAsync(confirmed.Id, d => d.Status == DeliveryStatus.Sent, "the confirmation e-mail sent");
        Assert.Single(fixture.Smtp.To(await inbox.EmailAsync()), m => m.Subject!.StartsWith("Booking confirmed", StringComparison.Ordinal));
    }

    private async Task<Interfaces.Slots.SlotView> SlotAsync(TimeSpan startsIn)
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        return await _given.SlotAsync(exam, teacher, startsIn);
    }

    private async Task<(Caller Student, Interfaces.Slots.SlotView Slot)> BookedStudentAsync()
    {
        var student = await _given.UserAsync(UserRole.Student);
        var slot = await SlotAsync(TimeSpan.FromHours(30));
        await _given.BookAsync(student, slot.Id);
        return (student, slot);
    }
}
