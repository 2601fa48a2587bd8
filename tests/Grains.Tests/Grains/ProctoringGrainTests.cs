using System.Collections.Concurrent;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Grains;

/// <summary>Signals and frames become anomalies in the session, alerts in every proctor's inbox and a live room view.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProctoringGrainTests(ClusterFixture fixture)
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    private static FrameAnalysis Frame(int faces) => new(
        320, 240, [.. Enumerable.Range(0, faces).Select(_ => new FaceDetection(new BoundingBox(1, 1, 50, 50), 0.9f, [], 0f))], [], CheckStatus.Ok, CheckStatus.Unavailable);

    private async Task<Room> RoomAsync(ProctoringPolicy? policy = null)
    {
        var (student, teacher, session, slot) = await _given.RunningSessionAsync(policy: policy);
        var first = await _given.UserAsync(UserRole.Proctor);
        var second = await _given.UserAsync(UserRole.Proctor);
        var slotGrain = fixture.Grains.GetGrain<IExamSlotGrain>(slot.Id);
        await slotGrain.AssignProctorAsync(teacher, first.UserId);
        await slotGrain.AssignProctorAsync(teacher, second.UserId);
        return new Room(student, teacher, first, second, session, slot, fixture.Grains.GetGrain<IExamSessionGrain>(session.Id));
    }

    private async Task SendFrameAsync(Room room, int faces)
    {
        await room.Grain.BeginFrameAsync(room.Student);
        await room.Grain.RecordFrameAsync(room.Student, Frame(faces), s_jpeg);
    }

    /// <summary>The proctor's inbox (newest first) once <paramref name="done"/> holds for it.</summary>
    private Task<IReadOnlyList<ProctorAlert>> InboxWhenAsync(Caller proctor, Func<IReadOnlyList<ProctorAlert>, bool> done, string awaited) =>
        Eventually.UntilAsync(() => Inbox(proctor).GetAlertsAsync(proctor, false, 50), done, $"{awaited} (inbox of {proctor.UserId})");

    private IProctorGrain Inbox(Caller proctor) => fixture.Grains.GetGrain<IProctorGrain>(proctor.UserId);

    [Fact]
    public async Task ARoomWhoseSlotCannotBeReadIsLeftOutOfRoomListsNotFailingThem()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var (exam, view) = await _given.PublishedExamAsync(teacher);
        var good = await _given.SlotAsync(exam, teacher, TimeSpan.FromDays(1));
        var broken = await _given.SlotAsync(exam, teacher, TimeSpan.FromDays(2));

        // A stored slot the rules would refuse today: its end (start + duration) falls before year 1 when it is shown.
        var slot = fixture.Grains.GetGrain<IExamSlotGrain>(broken.Id);
        await slot.UpdateExamAsync(new SlotSetup(view.Id, teacher.UserId, view.Title, int.MinValue, IsOpen: true));
        await Assert.ThrowsAnyAsync<Exception>(slot.GetAsync);

        // The rooms list asks every room for its summary: the broken one answers "nothing to show", twice alike.
        Assert.Null(await fixture.Grains.GetGrain<IRoomGrain>(broken.Id).GetSummaryAsync());
        Assert.Null(await fixture.Grains.GetGrain<IRoomGrain>(broken.Id).GetSummaryAsync());
        Assert.Equal(good.Id, (await fixture.Grains.GetGrain<IRoomGrain>(good.Id).GetSummaryAsync())!.Slot.Id);
    }

    [Fact]
    public async Task ATabSwitchAlertsEveryProctorOfTheRoomOnceAndNoOneElse()
    {
        var room = await RoomAsync();
        var outsider = await _given.UserAsync(UserRole.Proctor);
        var otherRoom = await RoomAsync();
        await fixture.Grains.GetGrain<IExamSlotGrain>(otherRoom.Slot.Id).AssignProctorAsync(otherRoom.Teacher, outsider.UserId);

        await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(BrowserSignalType.TabHidden, null, 1));
        await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(BrowserSignalType.Resume, null, 2));
        await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(BrowserSignalType.TabHidden, null, 3));

        // A later, distinct signal: its alert follows any the tab switches raised on the room's stream, so once
        // it is in an inbox, a second tab_hidden alert would be there too.
        await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(BrowserSignalType.Paste, null, 4));
        foreach (var proctor in new[] { room.First, room.Second })
        {
            var alerts = await InboxWhenAsync(proctor, a => a.Any(x => x.Type == AnomalyType.Paste), "the later paste alert");
            Assert.Equal([AnomalyType.Paste, AnomalyType.TabHidden], alerts.Select(a => a.Type));
            var alert = Assert.Single(alerts, a => a.Type == AnomalyType.TabHidden);
            Assert.Equal("Left the exam tab", alert.Reason);
            Assert.Equal(room.Session.Id, alert.SessionId);
        }

        // The outsider follows only its own room's stream, so nothing of this room can reach its inbox.
        Assert.Equal([otherRoom.Slot.Id], await Inbox(outsider).ListRoomsAsync(outsider));
        Assert.Empty(await Inbox(outsider).GetAlertsAsync(outsider, false, 50));
    }

    [Fact]
    public async Task AnUnassignedProctorsInboxDropsThatRoomsAlertsOnly()
    {
        var room = await RoomAsync();
        var otherRoom = await RoomAsync();
        await fixture.Grains.GetGrain<IExamSlotGrain>(otherRoom.Slot.Id).AssignProctorAsync(otherRoom.Teacher, room.First.UserId);
        await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(BrowserSignalType.TabHidden, null, 1));
        await otherRoom.Grain.RecordSignalAsync(otherRoom.Student, new BrowserSignal(BrowserSignalType.Paste, null, 1));
        Assert.Equal(2, (await InboxWhenAsync(room.First, a => a.Count >= 2, "both rooms' alerts")).Count);

        await fixture.Grains.GetGrain<IExamSlotGrain>(room.Slot.Id).UnassignProctorAsync(room.Teacher, room.First.UserId);

        // Student names and reasons of a room the proctor no longer supervises leave the inbox at once.
        var left = Assert.Single(await Inbox(room.First).GetAlertsAsync(room.First, false, 50));
        Assert.Equal(otherRoom.Session.Id, left.SessionId);
        Assert.Single(await InboxWhenAsync(room.Second, a => a.Count >= 1, "the room's alert"));
    }

    [Fact]
    public async Task AnAbsentFaceBecomesOneAnomalyWithEvidenceForSupervisorsOnly()
    {
        var room = await RoomAsync();
        for (var i = 0; i < 4; i++)
        {
            await SendFrameAsync(room, faces: 0);
            fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        await SendFrameAsync(room, faces: 0);
        var anomaly = Assert.Single(await room.Grain.GetAnomaliesAsync(room.First));
        Assert.Equal(AnomalyType.NoFace, anomaly.Type);
        Assert.Equal(Severity.High, anomaly.Severity);
        Assert.True(anomaly.HasEvidence);
        Assert.Equal(s_jpeg, (await room.Grain.GetEvidenceAsync(room.Teacher, anomaly.Id)).Jpeg);

        // The session's own student knows the session: refused, not "not found"; other students learn nothing.
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.GetAnomaliesAsync(room.Student))).Kind);
        var otherStudent = await _given.UserAsync(UserRole.Student);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.GetAnomaliesAsync(otherStudent))).Kind);
        var stranger = await _given.UserAsync(UserRole.Proctor);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.GetEvidenceAsync(stranger, anomaly.Id))).Kind);
    }

    [Fact]
    public async Task EvidenceIsDeletedWhenItsRetentionEnds()
    {
        var room = await RoomAsync();
        for (var i = 0; i < 4; i++)
        {
            await SendFrameAsync(room, faces: 0);
            fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        var anomaly = Assert.Single(await room.Grain.GetAnomaliesAsync(room.First));
        Assert.True(anomaly.HasEvidence);
        await room.Grain.TerminateAsync(room.First, "End of the test");
        Assert.Equal(s_jpeg, (await room.Grain.GetEvidenceAsync(room.First, anomaly.Id)).Jpeg);
        var file = Path.Combine(fixture.EvidencePath, room.Grain.GetPrimaryKeyString(), anomaly.Id + ".jpg");
        Assert.True(File.Exists(file));

        // The sweep before the retention (Sessions:EvidenceRetention from capture) keeps the frame.
        var sweep = fixture.Grains.GetGrain<IEvidenceRetentionGrain>(SingletonKeys.Default);
        await sweep.SweepAsync();
        Assert.True(File.Exists(file));

        // Once due, the anomaly stops offering it at once, and the periodic sweep deletes the file.
        fixture.Clock.Advance(TimeSpan.FromDays(30));
        Assert.False(Assert.Single(await room.Grain.GetAnomaliesAsync(room.First)).HasEvidence);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.GetEvidenceAsync(room.First, anomaly.Id))).Kind);
        Assert.True(await sweep.SweepAsync() >= 1);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task TheRoomShowsEachSessionsLiveState()
    {
        var room = await RoomAsync();
        await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(BrowserSignalType.Paste, null, 1));
        var roomGrain = fixture.Grains.GetGrain<IRoomGrain>(room.Slot.Id);
        var live = await Eventually.UntilAsync(
            async () => (await roomGrain.GetSnapshotAsync(room.First)).Sessions.SingleOrDefault(),
            v => v is not null && v.Counters.ContainsKey(AnomalyType.Paste),
            "the room shows the session's paste");

        Assert.NotNull(live);
        Assert.Equal(SessionStatus.InProgress, live.Status);
        Assert.Equal(1, live.Counters[AnomalyType.Paste]);
        Assert.InRange(live.RiskScore, 1, 99);
        Assert.NotNull(live.LastSeenAt);
        Assert.Equal(1, (await roomGrain.GetSummaryAsync())!.InProgress);
        await Assert.ThrowsAsync<ProctorWiseException>(() => roomGrain.GetSnapshotAsync(room.Student));
    }

    [Fact]
    public async Task ProctorsWarnAndTerminateButOthersCannot()
    {
        var room = await RoomAsync();
        var otherTeacher = await _given.UserAsync(UserRole.Teacher);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.WarnAsync(otherTeacher, "Eyes on screen"))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.TerminateAsync(room.Teacher, "Cheating"))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.TerminateAsync(room.Student, "I quit"))).Kind);
        await room.Grain.WarnAsync(room.First, "Eyes on your screen, please.");

        var submissionId = await room.Grain.TerminateAsync(room.Second, "Phone in use");

        var view = await room.Grain.GetAsync(room.Student);
        Assert.Equal(SessionStatus.Terminated, view.Status);
        Assert.Equal(submissionId, view.SubmissionId);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<ProctorWiseException>(() =>
            room.Grain.SaveAnswerAsync(room.Student, "short", AnswerValue.FromText("x"), 1))).Kind);
        Assert.Equal(submissionId, await room.Grain.TerminateAsync(room.First, "again"));
    }

    [Fact]
    public async Task FramesAndSignalsAreRateLimited()
    {
        var room = await RoomAsync();
        await room.Grain.BeginFrameAsync(room.Student);
        Assert.Equal(ErrorKind.TooManyRequests, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.BeginFrameAsync(room.Student))).Kind);

        var refused = 0;
        for (var seq = 1; seq <= 40; seq++)
        {
            try
            {
                await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(BrowserSignalType.Copy, null, seq));
            }
            catch (ProctorWiseException e) when (e.Kind == ErrorKind.TooManyRequests)
            {
                refused++;
            }
        }

        Assert.InRange(refused, 5, 10);
    }

    [Fact]
    public async Task FramesThatStopArrivingRaiseWebcamStopped()
    {
        var room = await RoomAsync(ProctoringPolicy.Default with { FrameTimeoutSeconds = 5 });
        await SendFrameAsync(room, faces: 1);
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        var alert = await InboxWhenAsync(room.First, a => a.Count > 0, "a webcam_stopped alert");
        Assert.Equal(AnomalyType.WebcamStopped, Assert.Single(alert).Type);
        Assert.Equal(Severity.Critical, alert[0].Severity);
    }

    [Fact]
    public async Task ExtraTimeMovesTheDeadline()
    {
        var room = await RoomAsync();
        var extended = await room.Grain.ExtendAsync(room.First, 10);
        Assert.Equal(room.Session.Deadline.AddMinutes(10), extended.Deadline);
        Assert.Equal(ErrorKind.Validation, (await Assert.ThrowsAsync<ProctorWiseException>(() => room.Grain.ExtendAsync(room.First, 0))).Kind);
    }

    [Fact]
    public async Task DashboardsReceiveABurstInAFewBatches()
    {
        var observer = new RecordingObserver();
        var reference = fixture.Grains.CreateObjectReference<IHubObserver>(observer);
        await fixture.Grains.GetGrain<IHubRegistryGrain>(SingletonKeys.Default).RegisterAsync(reference);
        try
        {
            var room = await RoomAsync();
            await Task.Delay(500, TestContext.Current.CancellationToken); // let the start's events drain
            observer.Batches.Clear();
            var types = new[] { BrowserSignalType.TabHidden, BrowserSignalType.FullscreenExit, BrowserSignalType.Paste, BrowserSignalType.Copy, BrowserSignalType.DevtoolsOpen };
            for (var i = 0; i < types.Length; i++)
            {
                await room.Grain.RecordSignalAsync(room.Student, new BrowserSignal(types[i], null, i + 1));
            }

            await Eventually.HoldsAsync(
                () => observer.AlertsFor(room.First.UserId).Count() >= types.Length,
                () => $"{observer.AlertsFor(room.First.UserId).Count()} of {types.Length} alerts pushed to the dashboard");
            Assert.Equal(types.Length, observer.AlertsFor(room.First.UserId).Count());
            Assert.InRange(observer.Batches.Count(b => b.ProctorId == room.First.UserId), 1, 3);
        }
        finally
        {
            await fixture.Grains.GetGrain<IHubRegistryGrain>(SingletonKeys.Default).UnregisterAsync(reference);
        }
    }

    private sealed record Room(Caller Student, Caller Teacher, Caller First, Caller Second, SessionView Session, SlotView Slot, IExamSessionGrain Grain);

    private sealed class RecordingObserver : IHubObserver
    {
        public ConcurrentQueue<(string ProctorId, ProctorBatch Batch)> Batches { get; } = new();

        public IEnumerable<ProctorAlert> AlertsFor(string proctorId) => Batches.Where(b => b.ProctorId == proctorId).SelectMany(b => b.Batch.Alerts);

        public Task OnProctorBatchAsync(string proctorId, ProctorBatch batch)
        {
            Batches.Enqueue((proctorId, batch));
            return Task.CompletedTask;
        }

        public Task OnStudentMessageAsync(string sessionId, StudentMessage message) => Task.CompletedTask;

        public Task OnUserRevokedAsync(string userId) => Task.CompletedTask;

        public Task OnNotificationAsync(string userId, NotificationView? notification, UnreadCount unread) => Task.CompletedTask;
    }
}
