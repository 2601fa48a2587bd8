using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Notifications;

/// <summary>Who hears about which fact: each event type put on its stream, and the inboxes read.</summary>
[Collection(NotificationClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NotificationDispatchTests(NotificationClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    [Fact]
    public async Task ATerminatedSessionIsToldToTheStudentAndTheExamsTeacher()
    {
        var (teacher, student, exam) = await ExamAsync();
        var e = new SessionTerminated(Guid.CreateVersion7(), Now, "session-" + Guid.NewGuid().ToString("N"), "slot-x", exam.Id, student.UserId, teacher.UserId, "proctor-1", "Phone <b>on</b> the desk");
        await fixture.PublishAsync(StreamNamespaces.Sessions, e.SessionId, e);

        var toStudent = await new Inbox(fixture.Grains, student).WaitForAsync(n => n.Type == NotificationType.SessionTerminated, "the student told");
        Assert.Contains("Phone <b>on</b> the desk", toStudent.Body, StringComparison.Ordinal);
        var toTeacher = await new Inbox(fixture.Grains, teacher).WaitForAsync(n => n.Type == NotificationType.SessionTerminated, "the teacher told");
        Assert.Equal($"/teacher/exams/{exam.Id}", toTeacher.Link);
        Assert.Contains("Algebra I", toTeacher.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGradeIsToldWhenPublishedNotWhenRepublishedAndAgainWhenChanged()
    {
        var (teacher, student, exam) = await ExamAsync();
        var submissionId = Guid.NewGuid().ToString("N");
        var publishedAt = Now;
        await fixture.PublishAsync(StreamNamespaces.Submissions, submissionId, Published(publishedAt, publishedAt));

        // The change re-publishes with the first publication's date: only the change itself is news.
        var changed = new PublishedGradeChanged(
            Guid.CreateVersion7(), Now.AddMinutes(5), submissionId, "session-1", null, exam.Id, student.UserId, teacher.UserId, teacher.UserId, publishedAt,
            "essay", QuestionType.Essay, 2m, 3m, 4m, false, 7m, 8m, 10m, 70m, 80m, 50m, true, true, "Re-marked after review.");
        await fixture.PublishAsync(StreamNamespaces.Submissions, submissionId, Published(changed.OccurredAt, publishedAt));
        await fixture.PublishAsync(StreamNamespaces.Submissions, submissionId, changed);

        var inbox = new Inbox(fixture.Grains, student);
        var change = await inbox.WaitForAsync(n => n.Type == NotificationType.GradeChanged, "the grade change");
        Assert.Contains("from 7 to 8", change.Body, StringComparison.Ordinal);
        Assert.Contains("Re-marked after review.", change.Body, StringComparison.Ordinal);
        var published = Assert.Single(await inbox.AllAsync(), n => n.Type == NotificationType.GradePublished);
        Assert.Equal($"/results/{submissionId}", published.Link);
        Assert.Empty(await new Inbox(fixture.Grains, teacher).AllAsync());

        SubmissionPublished Published(DateTimeOffset occurredAt, DateTimeOffset at) => new(
            Guid.CreateVersion7(), occurredAt, submissionId, "session-1", null, exam.Id, student.UserId, teacher.UserId, teacher.UserId,
            at.AddHours(-1), at, 7m, 10m, 70m, 50m, true, []);
    }

    [Fact]
    public async Task AFailedAnalyticsJobIsToldToEveryAdministratorAndNobodyElse()
    {
        var admins = new[] { await _given.UserAsync(UserRole.Admin), await _given.UserAsync(UserRole.Admin) };
        var student = await _given.UserAsync(UserRole.Student);
        var e = new AnalyticsJobFailed(Guid.CreateVersion7(), Now, "daily_anomaly_aggregation", "2026-12-05", AnalyticsRunTrigger.Schedule, 3, "Pre-check: no raw zone.");
        await fixture.PublishAsync(StreamNamespaces.Analytics, $"{e.Job}/{e.Period}-{Guid.NewGuid():N}", e);

        foreach (var admin in admins)
        {
            var told = await new Inbox(fixture.Grains, admin).WaitForAsync(n => n.Type == NotificationType.AnalyticsJobFailed, "an administrator told");
            Assert.Contains("Pre-check: no raw zone.", told.Body, StringComparison.Ordinal);
        }

        Assert.Empty(await new Inbox(fixture.Grains, student).AllAsync());
    }

    [Fact]
    public async Task HighSeverityAnomaliesReachTheTeacherOncePerWindowWithTheCount()
    {
        var (teacher, student, exam) = await ExamAsync();
        var sessionId = Guid.NewGuid().ToString("N");
        await fixture.PublishAsync(StreamNamespaces.Sessions, sessionId, Anomaly(Severity.Low));
        for (var i = 0; i < 3; i++)
        {
            await fixture.PublishAsync(StreamNamespaces.Sessions, sessionId, Anomaly(Severity.High));
        }

        var inbox = new Inbox(fixture.Grains, teacher);
        var first = await inbox.WaitForAsync(n => n.Type == NotificationType.AnomalyDigest, "the first anomaly told at once");
        Assert.StartsWith("High-severity anomaly", first.Title, StringComparison.Ordinal);
        var digest = await inbox.WaitForAsync(n => n.Title.StartsWith("2 high-severity anomalies", StringComparison.Ordinal), "the rest of the window told as one");
        Assert.Equal(2, (await inbox.AllAsync()).Count(n => n.Type == NotificationType.AnomalyDigest));
        Assert.Contains("Looked away", digest.Body, StringComparison.Ordinal);

        AnomalyOpened Anomaly(Severity severity) => new(
            Guid.CreateVersion7(), Now, Guid.NewGuid().ToString("N"), sessionId, "slot-x", exam.Id, student.UserId, teacher.UserId,
            AnomalyType.LookingAway, severity, 0.9, Now, "Looked away for 12 s");
    }

    [Fact]
    public async Task AChangedExamIsToldToTheStudentsBookedOnItsSlots()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var booked = await _given.UserAsync(UserRole.Student);
        var (exam, view) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(30));
        await _given.BookAsync(booked, slot.Id);

        await exam.UpdateAsync(teacher, Scenario.Draft(durationMinutes: 45, title: "Algebra <II>"));

        var changed = await new Inbox(fixture.Grains, booked).WaitForAsync(n => n.Type == NotificationType.ExamChanged, "the change told");
        Assert.Equal("Exam changed: Algebra <II>", changed.Title);
        Assert.Contains("It now ends", changed.Body, StringComparison.Ordinal);
        var mail = await Eventually.UntilAsync(
            async () => fixture.Smtp.To(await new Inbox(fixture.Grains, booked).EmailAsync()),
            m => m.Any(x => x.Subject == changed.Title), "the change e-mailed");
        var html = mail.First(x => x.Subject == changed.Title).HtmlBody;
        Assert.Contains("Algebra &lt;II&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<II>", html, StringComparison.Ordinal);
        Assert.Equal(view.Id, slot.ExamId);
    }

    private async Task<(Caller Teacher, Caller Student, ExamView Exam)> ExamAsync()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (_, exam) = await _given.PublishedExamAsync(teacher);
        return (teacher, student, exam);
    }
}
