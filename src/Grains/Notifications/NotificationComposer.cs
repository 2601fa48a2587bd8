using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;
using static ProctorWise.Grains.Notifications.NotificationTemplates;

namespace ProctorWise.Grains.Notifications;

/// <summary>Who is told what about one event (the wording is here; the dispatch grain only routes).</summary>
internal sealed class NotificationComposer(IGrainFactory grains, Uri? baseUrl)
{
    public NewNotification BookingConfirmed(BookingMade e, string title) => Render(
        e.EventId, NotificationType.BookingConfirmed, $"Booking confirmed: {title}", "/bookings", baseUrl,
        $"Your seat for \"{title}\" is booked.",
        $"The exam starts {Time(e.StartsAt)}.",
        "You will be reminded 24 hours and 1 hour before it starts.");

    public NewNotification BookingCancelled(BookingCancelled e, string title) => Render(
        e.EventId, NotificationType.BookingCancelled, $"Booking cancelled: {title}", "/bookings", baseUrl,
        $"Your booking for \"{title}\" on {Time(e.StartsAt)} was cancelled.");

    public NewNotification Reminder(string bookingId, string notice, string title, DateTimeOffset startsAt) => Render(
        DerivedIds.Of("reminder", bookingId, notice), NotificationType.ExamReminder,
        $"{title} starts in {(notice == ExamReminderNotices.DayBefore ? "24 hours" : "1 hour")}", "/bookings", baseUrl,
        $"Your exam \"{title}\" starts {Time(startsAt)}.",
        "Have your webcam ready and sign in a few minutes early.");

    public NewNotification SlotChanged(SlotChanged e) => Render(
        e.EventId, NotificationType.ExamChanged, e.IsOpen ? $"Exam changed: {e.Title}" : $"Exam withdrawn: {e.Title}", "/bookings", baseUrl,
        [
            .. e.IsOpen
                ? (string[])[$"The exam \"{e.PreviousTitle}\" you booked for {Time(e.StartsAt)} changed."]
                : [$"The exam \"{e.PreviousTitle}\" you booked for {Time(e.StartsAt)} was withdrawn by its teacher."],
            .. e.Title != e.PreviousTitle ? (string[])[$"Its title is now \"{e.Title}\"."] : [],
            .. e.EndsAt != e.PreviousEndsAt ? (string[])[$"It now ends {Time(e.EndsAt)} (it ended {Time(e.PreviousEndsAt)})."] : [],
        ]);

    public NewNotification SlotCancelled(SlotCancelled e, string title) => Render(
        e.EventId, NotificationType.ExamChanged, $"Exam slot cancelled: {title}", "/bookings", baseUrl,
        $"The slot of \"{title}\" on {Time(e.StartsAt)} you booked was cancelled. Book another slot if one is open.");

    public NewNotification GradePublished(SubmissionPublished e, string title) => Render(
        e.EventId, NotificationType.GradePublished, $"Your result for {title} is out", $"/results/{e.SubmissionId}", baseUrl,
        $"Your result for \"{title}\" was published: {e.Score:0.##} / {e.MaxScore:0.##} ({e.Percentage:0.#} %), {(e.Passed ? "passed" : "not passed")}.");

    public NewNotification GradeChanged(PublishedGradeChanged e, string title) => Render(
        e.EventId, NotificationType.GradeChanged, $"Your grade for {title} changed", $"/results/{e.SubmissionId}", baseUrl,
        [
            $"Your published result for \"{title}\" changed from {e.PreviousScore:0.##} to {e.Score:0.##} / {e.MaxScore:0.##} ({e.Percentage:0.#} %), {(e.Passed ? "passed" : "not passed")}.",
            .. e.Reason is { Length: > 0 } reason ? (string[])[$"Reason given: {reason}"] : [],
        ]);

    public NewNotification SessionTerminatedForStudent(SessionTerminated e, string title) => Render(
        e.EventId, NotificationType.SessionTerminated, $"Your exam session was ended: {title}", "/bookings", baseUrl,
        $"A proctor ended your session of \"{title}\".", $"Reason: {e.Reason}");

    public NewNotification SessionTerminatedForTeacher(SessionTerminated e, string title, string student) => Render(
        e.EventId, NotificationType.SessionTerminated, $"Session ended by a proctor: {title}", $"/teacher/exams/{e.ExamId}", baseUrl,
        $"The session of {student} in \"{title}\" was ended.", $"Reason: {e.Reason}");

    public NewNotification AnomalyDigest(Guid sourceId, AnomalyOpened last, int count, string title, string student) => Render(
        sourceId, NotificationType.AnomalyDigest,
        count == 1 ? $"High-severity anomaly: {student}, {title}" : $"{count} high-severity anomalies: {student}, {title}",
        $"/proctor/rooms/{last.SlotId}", baseUrl,
        count == 1
            ? $"{student} in \"{title}\": {last.Reason}"
            : $"{count} high-severity anomalies for {student} in \"{title}\"; the latest: {last.Reason}");

    public NewNotification AnalyticsJobFailed(AnalyticsJobFailed e) => Render(
        e.EventId, NotificationType.AnalyticsJobFailed, $"Analytics job failed: {e.Job} {e.Period}", null, baseUrl,
        $"The analytics job {e.Job} for {e.Period} failed after {e.Attempts} attempt(s).", $"Error: {e.Error}");

    public async Task<string> ExamTitleAsync(string examId, string? slotId = null)
    {
        if (slotId is not null && await grains.GetGrain<IExamSlotGrain>(slotId).GetAsync() is { } slot)
        {
            return slot.ExamTitle;
        }

        try
        {
            return (await grains.GetGrain<IExamGrain>(examId).GetAsync(Caller.System)).Title;
        }
        catch (Interfaces.Errors.ProctorWiseException)
        {
            return "your exam";
        }
    }

    public async Task<string> NameOfAsync(string userId) => (await grains.GetGrain<IUserGrain>(userId).GetAsync())?.Name ?? "a student";

    /// <summary>The students holding a seat on a slot now.</summary>
    public async Task<IReadOnlyList<SlotBookingView>> BookedOnAsync(string slotId)
    {
        var bookings = await grains.GetGrain<IExamSlotGrain>(slotId).ListBookingsAsync(Caller.System);
        return [.. bookings.Where(b => b.Status == BookingStatus.Booked)];
    }

    /// <summary>Every active administrator.</summary>
    public async Task<IReadOnlyList<string>> AdminsAsync()
    {
        var admins = new List<string>();
        var directory = grains.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default);
        for (var page = 1; ; page++)
        {
            var batch = await directory.ListAsync(UserRole.Admin, new PageRequest(page, PageRequest.MaxPageSize));
            admins.AddRange(batch.Items.Where(u => u.IsActive).Select(u => u.Id));
            if (batch.Items.Count < PageRequest.MaxPageSize)
            {
                return admins;
            }
        }
    }
}
