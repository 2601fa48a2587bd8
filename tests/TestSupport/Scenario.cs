using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.TestSupport;

/// <summary>Builds the usual arrangement of a test through the grains: people, an exam, a slot, bookings.</summary>
public sealed class Scenario(IGrainFactory grains, ShiftableClock clock)
{
    public IGrainFactory Grains => grains;

    public ShiftableClock Clock => clock;

    public async Task<Caller> UserAsync(UserRole role, string? name = null)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@school.test";
        var user = await Grains.GetGrain<IUserEmailIndexGrain>(email).RegisterAsync(new NewUser(name ?? $"{role} {email[..8]}", email, "correct horse battery", role));
        return new Caller(user.Id, role);
    }

    public static ExamDraft Draft(int durationMinutes = 30, ProctoringPolicy? policy = null, string title = "Algebra I") => new(
        title,
        "Chapter 1 to 3",
        durationMinutes,
        50,
        [
            new("single", QuestionType.SingleChoice, "2 + 2 = ?", ["3", "4", "5"], [1], null, 2),
            new("multi", QuestionType.MultipleChoice, "Primes?", ["2", "4", "5", "9"], [0, 2], null, 2),
            new("tf", QuestionType.TrueFalse, "0 is even.", null, [0], null, 1),
            new("short", QuestionType.ShortAnswer, "Name the longest side of a right triangle.", null, null, "hypotenuse", 1),
            new("essay", QuestionType.Essay, "Explain why.", null, null, null, 4),
        ],
        policy);

    public async Task<(IExamGrain Exam, ExamView View)> PublishedExamAsync(Caller teacher, int durationMinutes = 30, ProctoringPolicy? policy = null)
    {
        var exam = Grains.GetGrain<IExamGrain>(Guid.NewGuid().ToString("N"));
        await exam.CreateAsync(teacher, Draft(durationMinutes, policy));
        return (exam, await exam.PublishAsync(teacher));
    }

    public Task<SlotView> SlotAsync(IExamGrain exam, Caller teacher, TimeSpan startsIn, int capacity = 30) =>
        exam.AddSlotAsync(teacher, Clock.GetUtcNow() + startsIn, capacity);

    public Task<BookingView> BookAsync(Caller student, string slotId) =>
        Grains.GetGrain<IStudentBookingsGrain>(student.UserId).BookAsync(student, slotId);

    /// <summary>A student with a booking in a slot that has just opened, and the started session.</summary>
    public async Task<(Caller Student, Caller Teacher, SessionView Session, SlotView Slot)> RunningSessionAsync(int durationMinutes = 30, ProctoringPolicy? policy = null)
    {
        var teacher = await UserAsync(UserRole.Teacher);
        var student = await UserAsync(UserRole.Student);
        var (exam, _) = await PublishedExamAsync(teacher, durationMinutes, policy);
        var slot = await SlotAsync(exam, teacher, TimeSpan.FromSeconds(5));
        var booking = await BookAsync(student, slot.Id);
        Clock.Advance(TimeSpan.FromSeconds(6));
        var started = await Grains.GetGrain<IStudentBookingsGrain>(student.UserId).StartSessionAsync(student, booking.Id);
        return (student, teacher, started.Session, slot);
    }
}
