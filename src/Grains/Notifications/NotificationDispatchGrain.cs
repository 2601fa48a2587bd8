using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Notifications;

/// <inheritdoc cref="INotificationDispatchGrain"/>
/// <remarks>
/// One activation per stream key (a slot, an exam, a session, a submission), so one key's facts are handled in order.
/// Delivery is at least once: every notification carries its event's id, and the inbox drops a second one from the
/// same source, so a redelivered fact adds nothing and sends nothing. A failure here fails the delivery, which the
/// stream provider retries.
/// </remarks>
[ImplicitStreamSubscription(typeof(NotificationNamespacesPredicate))]
public sealed class NotificationDispatchGrain(IOptions<NotificationOptions> options) : Grain, INotificationDispatchGrain, IStreamSubscriptionObserver
{
    private NotificationComposer? _composer;

    private NotificationComposer Compose => _composer ??= new NotificationComposer(GrainFactory, options.Value.PublicBaseUrl);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var handle = handleFactory.Create<DomainEvent>();
        await handle.ResumeAsync((domainEvent, _) => DispatchAsync(domainEvent));
    }

    private Task DispatchAsync(DomainEvent domainEvent) => domainEvent switch
    {
        BookingMade e => OnBookingMadeAsync(e),
        BookingCancelled e => OnBookingCancelledAsync(e),
        SlotChanged e => OnSlotChangedAsync(e),
        SlotCancelled e => OnSlotCancelledAsync(e),

        // A grade change re-publishes the submission with the first publication's date: that one is not news.
        SubmissionPublished e when e.OccurredAt == e.PublishedAt => OnGradePublishedAsync(e),
        PublishedGradeChanged e => OnGradeChangedAsync(e),
        SessionTerminated e => OnSessionTerminatedAsync(e),
        AnomalyOpened { Severity: >= Severity.High } e => GrainFactory.GetGrain<IAnomalyDigestGrain>(e.SessionId).RecordAsync(e),
        AnalyticsJobFailed e => OnAnalyticsJobFailedAsync(e),
        _ => Task.CompletedTask,
    };

    private async Task OnBookingMadeAsync(BookingMade e)
    {
        var title = await Compose.ExamTitleAsync(e.ExamId, e.SlotId);
        await NotifyAsync(e.StudentId, Compose.BookingConfirmed(e, title));
        await GrainFactory.GetGrain<IExamReminderGrain>(e.BookingId).ScheduleAsync(new ExamReminderPlan(e.StudentId, e.SlotId, e.ExamId, e.StartsAt, e.OccurredAt));
    }

    private async Task OnBookingCancelledAsync(BookingCancelled e)
    {
        await GrainFactory.GetGrain<IExamReminderGrain>(e.BookingId).CancelAsync();
        var title = await Compose.ExamTitleAsync(e.ExamId, e.SlotId);
        await NotifyAsync(e.StudentId, Compose.BookingCancelled(e, title));
    }

    private async Task OnSlotChangedAsync(SlotChanged e)
    {
        var notification = Compose.SlotChanged(e);
        foreach (var booking in await Compose.BookedOnAsync(e.SlotId))
        {
            await NotifyAsync(booking.StudentId, notification);
        }
    }

    private async Task OnSlotCancelledAsync(SlotCancelled e)
    {
        // A slot is removed only once nobody holds a seat (ExamSlotGrain.RemoveAsync): this is for the record, and
        // for a removal that a future rule allows with bookings.
        IReadOnlyList<Interfaces.Slots.SlotBookingView> booked;
        try
        {
            booked = await Compose.BookedOnAsync(e.SlotId);
        }
        catch (ProctorWiseException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            return;
        }

        var title = await Compose.ExamTitleAsync(e.ExamId);
        foreach (var booking in booked)
        {
            await GrainFactory.GetGrain<IExamReminderGrain>(booking.Id).CancelAsync();
            await NotifyAsync(booking.StudentId, Compose.SlotCancelled(e, title));
        }
    }

    private async Task OnGradePublishedAsync(SubmissionPublished e) =>
        await NotifyAsync(e.StudentId, Compose.GradePublished(e, await Compose.ExamTitleAsync(e.ExamId)));

    private async Task OnGradeChangedAsync(PublishedGradeChanged e) =>
        await NotifyAsync(e.StudentId, Compose.GradeChanged(e, await Compose.ExamTitleAsync(e.ExamId)));

    private async Task OnSessionTerminatedAsync(SessionTerminated e)
    {
        var title = await Compose.ExamTitleAsync(e.ExamId, e.SlotId);
        await NotifyAsync(e.StudentId, Compose.SessionTerminatedForStudent(e, title));
        await NotifyAsync(e.TeacherId, Compose.SessionTerminatedForTeacher(e, title, await Compose.NameOfAsync(e.StudentId)));
    }

    private async Task OnAnalyticsJobFailedAsync(AnalyticsJobFailed e)
    {
        var notification = Compose.AnalyticsJobFailed(e);
        foreach (var admin in await Compose.AdminsAsync())
        {
            await NotifyAsync(admin, notification);
        }
    }

    private Task<bool> NotifyAsync(string userId, NewNotification notification) =>
        GrainFactory.GetGrain<INotificationGrain>(userId).AddAsync(notification);
}
