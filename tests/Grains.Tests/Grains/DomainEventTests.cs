using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Grains.Tests.Grains;

/// <summary>
/// The facts of an exam day reach a stream consumer (an implicit subscription, as the lake's will be), each
/// once after deduplication, with the ids analytics join on; a publish that fails is retried until it lands.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DomainEventTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    [Fact]
    public async Task AnExamDayRecordsEachFactOnceOnItsStreamWithTheIdsAnalyticsJoinOn()
    {
        var (student, teacher, session, slot) = await _given.RunningSessionAsync();
        var sessionGrain = fixture.Grains.GetGrain<IExamSessionGrain>(session.Id);
        await sessionGrain.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 1));
        var submissionId = await sessionGrain.SubmitAsync(student);
        var submission = fixture.Grains.GetGrain<ISubmissionGrain>(submissionId);
        await submission.GradeAsync(teacher, "essay", 3, "Fair.");
        await submission.PublishAsync(teacher);

        var users = await FactsAsync(student.UserId, 1);
        Assert.Equal(student.UserId, Assert.IsType<UserRegistered>(Assert.Single(users)).UserId);

        var exams = await FactsAsync(session.ExamId, 2);
        var published = Assert.IsType<ExamPublished>(exams[0]);
        var opened = Assert.IsType<SlotOpened>(exams[1]);
        Assert.Equal((session.ExamId, teacher.UserId, 10m), (published.ExamId, published.TeacherId, published.MaxScore));
        Assert.Equal((slot.Id, slot.StartsAt), (opened.SlotId, opened.StartsAt));

        var booking = Assert.IsType<BookingMade>(Assert.Single(await FactsAsync(slot.Id, 1)));
        Assert.Equal((session.BookingId, student.UserId, teacher.UserId, 1), (booking.BookingId, booking.StudentId, booking.TeacherId, booking.SeatsTaken));

        var sessionFacts = await FactsAsync(session.Id, 4);
        Assert.Equal([typeof(SessionStarted), typeof(AnomalyOpened), typeof(AnomalyClosed), typeof(SessionSubmitted)], sessionFacts.Select(f => f.GetType()));
        var anomaly = Assert.IsType<AnomalyOpened>(sessionFacts[1]);
        Assert.Equal((AnomalyType.Paste, Severity.Medium, session.ExamId, slot.Id, student.UserId), (anomaly.Type, anomaly.Severity, anomaly.ExamId, anomaly.SlotId, anomaly.StudentId));
        var closed = Assert.IsType<AnomalyClosed>(sessionFacts[2]);
        Assert.Equal((anomaly.AnomalyId, 1), (closed.AnomalyId, closed.Occurrences));
        var submitted = Assert.IsType<SessionSubmitted>(sessionFacts[3]);
        Assert.Equal((SessionStatus.Submitted, submissionId, 1, 5), (submitted.How, submitted.SubmissionId, submitted.AnomalyCount, submitted.QuestionCount));

        var grading = await FactsAsync(submissionId, 3);
        var auto = Assert.IsType<SubmissionAutoGraded>(grading[0]);
        Assert.Equal((session.Id, slot.Id, 1, 10m), (auto.SessionId, auto.SlotId, auto.PendingQuestions, auto.MaxScore));
        var manual = Assert.IsType<SubmissionManuallyGraded>(grading[1]);
        Assert.Equal(("essay", 3m, teacher.UserId, 0), (manual.QuestionId, manual.QuestionScore, manual.GraderId, manual.PendingQuestions));
        var result = Assert.IsType<SubmissionPublished>(grading[2]);
        Assert.Equal((manual.Score, manual.Percentage, 5), (result.Score, result.Percentage, result.Questions.Count));
        Assert.Equal(result.Percentage >= 50, result.Passed);
    }

    [Fact]
    public async Task APublishThatFailsIsRetriedAndTheFactArrivesOnce()
    {
        var admin = await _given.UserAsync(UserRole.Admin);
        var user = await _given.UserAsync(UserRole.Student);
        await FactsAsync(user.UserId, 1);

        // The stream refuses the next two publishes: the change itself succeeds, the fact waits in the outbox.
        FaultyEventPublisher.Fail(user.UserId, times: 2);
        var updated = await fixture.Grains.GetGrain<IUserGrain>(user.UserId).UpdateAsync(admin, new UserUpdate(UserRole.Teacher, null));
        Assert.Equal(UserRole.Teacher, updated.Role);

        var facts = await FactsAsync(user.UserId, 2);
        var changed = Assert.IsType<UserRoleChanged>(facts[1]);
        Assert.Equal((UserRole.Student, UserRole.Teacher, admin.UserId), (changed.PreviousRole, changed.Role, changed.ChangedBy));
        Assert.Equal(2, FaultyEventPublisher.Failed[user.UserId]);

        // A later fact comes after it, never before: the outbox keeps the order of one grain's facts.
        await fixture.Grains.GetGrain<IUserGrain>(user.UserId).UpdateAsync(admin, new UserUpdate(null, false));
        Assert.IsType<UserDeactivated>((await FactsAsync(user.UserId, 3))[2]);
    }

    /// <summary>
    /// Waits until the consumer of <paramref name="key"/> holds <paramref name="count"/> distinct facts and
    /// returns them in order, after checking that deduplication by event id leaves no fact twice.
    /// </summary>
    private async Task<IReadOnlyList<DomainEvent>> FactsAsync(string key, int count)
    {
        var probe = fixture.Grains.GetGrain<IEventProbeGrain>(key);
        var received = await Eventually.UntilAsync(
            () => probe.ReceivedAsync(),
            r => r.DistinctBy(e => e.Event.EventId).Count() >= count,
            $"{key}: {count} facts delivered",
            describe: r => $"{r.Count} deliveries ({string.Join(", ", r.Select(e => e.Event.GetType().Name))})");

        var facts = received.DistinctBy(r => r.Event.EventId).Select(r => r.Event).ToList();
        Assert.Equal(count, facts.Count);
        Assert.All(facts, f => Assert.NotEqual(Guid.Empty, f.EventId));
        Assert.All(received, r => Assert.Contains(r.Namespace, StreamNamespaces.Facts));
        return facts;
    }
}
