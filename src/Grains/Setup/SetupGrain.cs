using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Setup;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Setup;

/// <inheritdoc cref="ISetupGrain"/>
public sealed partial class SetupGrain(
    [PersistentState(StateNames.Setup, StorageNames.Default)] IPersistentState<SetupState> setup,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<SetupGrain> logger) : Grain, ISetupGrain
{
    private IUserDirectoryGrain Directory => GrainFactory.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default);

    public async Task<bool> EnsureBootstrapAdminAsync(string email, string password)
    {
        if (setup.State.BootstrapDone)
        {
            return false;
        }

        var created = false;
        if (await Directory.CountAsync() == 0)
        {
            var (name, normalized) = UserRules.Check("Administrator", email, password);
            await GrainFactory.GetGrain<IUserEmailIndexGrain>(normalized).RegisterAsync(new NewUser(name, normalized, password, UserRole.Admin));
            LogBootstrapAdmin(logger, normalized);
            created = true;
        }

        setup.State.BootstrapDone = true;
        await setup.WriteStateAsync();
        return created;
    }

    public async Task<bool> EnsureDemoDataAsync(DemoDataRequest request)
    {
        if (setup.State.DemoDone)
        {
            return false;
        }

        // "Empty" tolerates the bootstrap admin: a deployment may configure both.
        var seed = await Directory.CountAsync() <= 1;
        if (seed)
        {
            await SeedAsync(request);
        }

        setup.State.DemoDone = true;
        await setup.WriteStateAsync();
        return seed;
    }

    private async Task SeedAsync(DemoDataRequest request)
    {
        var ids = new Dictionary<UserRole, string>();
        foreach (var (name, email, role) in DemoAccounts.All)
        {
            var index = GrainFactory.GetGrain<IUserEmailIndexGrain>(email);
            var user = await index.GetUserIdAsync() is { } existing
                ? await GrainFactory.GetGrain<IUserGrain>(existing).GetAsync()
                : await index.RegisterAsync(new NewUser(name, email, request.Password, role));
            ids[role] = user!.Id;
        }

        var teacher = new Caller(ids[UserRole.Teacher], UserRole.Teacher);
        var examId = Guid.CreateVersion7().ToString("N");
        var exam = GrainFactory.GetGrain<IExamGrain>(examId);
        await exam.CreateAsync(teacher, DemoExam.Draft);
        await exam.PublishAsync(teacher);

        var now = clock.GetUtcNow();
        var first = await exam.AddSlotAsync(teacher, TruncateToMinute(now + request.FirstSlotDelay), 30);
        var later = await exam.AddSlotAsync(teacher, TruncateToMinute(now.AddDays(1)), 30);
        foreach (var slot in new[] { first, later })
        {
            await GrainFactory.GetGrain<IExamSlotGrain>(slot.Id).AssignProctorAsync(teacher, ids[UserRole.Proctor]);
        }

        var student = new Caller(ids[UserRole.Student], UserRole.Student);
        await GrainFactory.GetGrain<Interfaces.Bookings.IStudentBookingsGrain>(student.UserId).BookAsync(student, first.Id);
        LogDemoSeeded(logger, examId, first.StartsAt);
    }

    private static DateTimeOffset TruncateToMinute(DateTimeOffset t) =>
        new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap administrator {Email}")]
    private static partial void LogBootstrapAdmin(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: exam {ExamId}, first slot at {StartsAt:u}")]
    private static partial void LogDemoSeeded(ILogger logger, string examId, DateTimeOffset startsAt);
}
