using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Grains;

/// <summary>Exam life cycle and ownership.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamGrainTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    private IExamGrain NewExam() => fixture.Grains.GetGrain<IExamGrain>(Guid.NewGuid().ToString("N"));

    private static async Task<ErrorKind> KindOf(Func<Task> call) => (await Assert.ThrowsAsync<ProctorWiseException>(call)).Kind;

    [Fact]
    public async Task OnlyTeachersAndAdminsCreateExams()
    {
        var student = await _given.UserAsync(UserRole.Student);
        Assert.Equal(ErrorKind.Forbidden, await KindOf(() => NewExam().CreateAsync(student, Scenario.Draft())));
    }

    [Fact]
    public async Task OthersSeeAPublishedExamWithoutQuestionsAndNeverADraft()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var exam = NewExam();
        var created = await exam.CreateAsync(teacher, Scenario.Draft());
        Assert.Equal(ExamStatus.Draft, created.Status);
        Assert.NotNull(created.Questions);
        Assert.Equal(ErrorKind.NotFound, await KindOf(() => exam.GetAsync(student)));

        await exam.PublishAsync(teacher);
        var seen = await exam.GetAsync(student);
        Assert.Null(seen.Questions);
        Assert.Equal(5, seen.QuestionCount);
        Assert.Equal(10m, seen.TotalPoints);
    }

    [Fact]
    public async Task AnotherTeacherCannotEditOrPublish()
    {
        var owner = await _given.UserAsync(UserRole.Teacher);
        var other = await _given.UserAsync(UserRole.Teacher);
        var exam = NewExam();
        await exam.CreateAsync(owner, Scenario.Draft());
        Assert.Equal(ErrorKind.NotFound, await KindOf(() => exam.UpdateAsync(other, Scenario.Draft(title: "Hijacked"))));
        await exam.PublishAsync(owner);
        Assert.Equal(ErrorKind.Forbidden, await KindOf(() => exam.UpdateAsync(other, Scenario.Draft(title: "Hijacked"))));
        Assert.Equal("Algebra I", (await exam.GetAsync(owner)).Title);
    }

    [Fact]
    public async Task AnAdminMayEditAnyExam()
    {
        var owner = await _given.UserAsync(UserRole.Teacher);
        var admin = await _given.UserAsync(UserRole.Admin);
        var exam = NewExam();
        await exam.CreateAsync(owner, Scenario.Draft());
        Assert.Equal("Fixed", (await exam.UpdateAsync(admin, Scenario.Draft(title: "Fixed"))).Title);
    }

    [Fact]
    public async Task PublishingNeedsAQuestion()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var exam = NewExam();
        await exam.CreateAsync(teacher, Scenario.Draft() with { Questions = [] });
        var error = await Assert.ThrowsAsync<ProctorWiseException>(() => exam.PublishAsync(teacher));
        Assert.Contains("questions", error.Errors!.Keys);
    }

    [Fact]
    public async Task EditsAreRefusedOnceASessionStarted()
    {
        var (_, teacher, session, _) = await _given.RunningSessionAsync();
        var exam = fixture.Grains.GetGrain<IExamGrain>(session.ExamId);
        Assert.True((await exam.GetAsync(teacher)).Locked);
        Assert.Equal(ErrorKind.Conflict, await KindOf(() => exam.UpdateAsync(teacher, Scenario.Draft(title: "Changed"))));
    }

    [Fact]
    public async Task SlotsMustStartInTheFutureAndHaveACapacity()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var error = await Assert.ThrowsAsync<ProctorWiseException>(() => exam.AddSlotAsync(teacher, fixture.Clock.GetUtcNow().AddMinutes(-1), 0));
        Assert.Contains("startsAt", error.Errors!.Keys);
        Assert.Contains("capacity", error.Errors!.Keys);
    }

    [Fact]
    public async Task ASlotWhoseEndCannotBeRepresentedIsRefusedBeforeAnythingIsSaved()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var (exam, _) = await _given.PublishedExamAsync(teacher, durationMinutes: 120);
        var lastHour = new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<ProctorWiseException>(() => exam.AddSlotAsync(teacher, lastHour, 5));
        Assert.Equal(["startsAt"], error.Errors!.Keys);
        Assert.Empty(await exam.ListSlotsAsync(teacher));
    }

    [Fact]
    public async Task ASlotGrainRefusesAStartWhoseEndOverflowsAndStaysEmpty()
    {
        var slot = fixture.Grains.GetGrain<IExamSlotGrain>(Guid.NewGuid().ToString("N"));
        var setup = new SlotSetup(Guid.NewGuid().ToString("N"), "owner", "Algebra I", DurationMinutes: 120, IsOpen: true);

        var error = await Assert.ThrowsAsync<ProctorWiseException>(() => slot.InitializeAsync(setup, DateTimeOffset.MaxValue.AddMinutes(-30), 5));
        Assert.Equal(["startsAt"], error.Errors!.Keys);
        Assert.Null(await slot.GetAsync());
    }

    [Fact]
    public async Task ASlotThatCannotBeShownIsLeftOutOfTheListNotFailingIt()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, view) = await _given.PublishedExamAsync(teacher);
        var good = await _given.SlotAsync(exam, teacher, TimeSpan.FromDays(1));
        var broken = await _given.SlotAsync(exam, teacher, TimeSpan.FromDays(2));

        // A stored entry the rules would refuse today: its end (start + duration) falls before year 1 when it is shown.
        var slot = fixture.Grains.GetGrain<IExamSlotGrain>(broken.Id);
        await slot.UpdateExamAsync(new SlotSetup(view.Id, teacher.UserId, view.Title, int.MinValue, IsOpen: true));
        await Assert.ThrowsAnyAsync<Exception>(slot.GetAsync);

        foreach (var reader in new[] { teacher, student })
        {
            Assert.Equal(good.Id, Assert.Single(await exam.ListSlotsAsync(reader)).Id);
        }
    }

    [Fact]
    public async Task ASlotMayStartAtMostFiveYearsAhead()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var now = fixture.Clock.GetUtcNow();

        await exam.AddSlotAsync(teacher, now.AddYears(5).AddDays(-1), 5);
        var error = await Assert.ThrowsAsync<ProctorWiseException>(() => exam.AddSlotAsync(teacher, now.AddYears(5).AddDays(1), 5));
        Assert.Equal(["startsAt"], error.Errors!.Keys);
        Assert.Single(await exam.ListSlotsAsync(teacher));
    }

    [Fact]
    public async Task ArchivingHidesTheExamAndClosesItsSlots()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(1));
        await exam.ArchiveAsync(teacher);
        Assert.Equal(ErrorKind.NotFound, await KindOf(() => exam.GetAsync(student)));
        Assert.Equal(ErrorKind.Conflict, await KindOf(() => _given.BookAsync(student, slot.Id)));
    }

    [Fact]
    public async Task ASlotWithBookingsCannotBeRemoved()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(1));
        await _given.BookAsync(student, slot.Id);
        Assert.Equal(ErrorKind.Conflict, await KindOf(() => exam.RemoveSlotAsync(teacher, slot.Id)));
        Assert.Single(await exam.ListSlotsAsync(teacher));
    }

    [Fact]
    public async Task TheCatalogShowsEachRoleItsExams()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var other = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var draft = NewExam();
        await draft.CreateAsync(teacher, Scenario.Draft());
        var (published, _) = await _given.PublishedExamAsync(teacher);
        var catalog = fixture.Grains.GetGrain<IExamCatalogGrain>("default");

        var mine = await catalog.ListAsync(teacher, new(1, 200));
        Assert.Equal(2, mine.Total);
        Assert.Empty((await catalog.ListAsync(other, new(1, 200))).Items);
        var studentView = (await catalog.ListAsync(student, new(1, 200))).Items;
        Assert.Contains(studentView, e => e.Id == published.GetPrimaryKeyString());
        Assert.DoesNotContain(studentView, e => e.Id == draft.GetPrimaryKeyString());
        Assert.All(studentView, e => Assert.Null(e.Questions));
    }

    [Fact]
    public async Task TheCatalogNamesExamsByIdInOneCallWhateverTheirStatusAndLeavesOutUnknownIds()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var draft = NewExam();
        await draft.CreateAsync(teacher, Scenario.Draft(title: "Draft optics"));
        var (published, _) = await _given.PublishedExamAsync(teacher);
        var publishedTitle = (await published.GetAsync(teacher)).Title;

        var titles = await fixture.Grains.GetGrain<IExamCatalogGrain>("default").TitlesAsync(
            [draft.GetPrimaryKeyString(), published.GetPrimaryKeyString(), "no-such-exam"]);

        Assert.Equal(2, titles.Count);
        Assert.Equal("Draft optics", titles[draft.GetPrimaryKeyString()]);
        Assert.Equal(publishedTitle, titles[published.GetPrimaryKeyString()]);
        Assert.False(titles.ContainsKey("no-such-exam"));
    }
}
