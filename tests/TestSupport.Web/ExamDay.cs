using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.TestSupport.Web;

/// <summary>
/// The usual arrangement through the API: a teacher's published exam with a slot a student has booked,
/// the slot not yet open. <see cref="StartAsync"/> opens it and starts the session.
/// </summary>
public sealed record BookedSlot(ApiFactory Factory, ApiClient Teacher, ApiClient Student, ExamView Exam, SlotView Slot, BookingView Booking)
{
    /// <summary>How far ahead of the clock a booked slot starts.</summary>
    public static readonly TimeSpan OpensIn = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A new teacher publishes an exam (<paramref name="durationMinutes"/>, <paramref name="title"/>) with a slot
    /// that starts in <see cref="OpensIn"/>; a new student (or <paramref name="student"/>) books it.
    /// </summary>
    public static async Task<BookedSlot> ArrangeAsync(
        ApiFactory factory, int durationMinutes = 30, string title = "Chemistry", string? studentName = null, ApiClient? student = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        student ??= await admin.NewUserAsync(UserRole.Student, studentName);
        var exam = await teacher.CreatePublishedExamAsync(durationMinutes, title);
        var slot = await teacher.AddSlotAsync(exam.Id, OpensIn);
        var booking = await student.BookAsync(slot.Id);
        return new BookedSlot(factory, teacher, student, exam, slot, booking);
    }

    /// <summary>Moves the clock by <see cref="OpensIn"/>: the slot is open.</summary>
    public void Open() => Factory.Clock.Advance(OpensIn);

    /// <summary>Opens the slot and starts the student's session.</summary>
    public async Task<RunningSession> StartAsync()
    {
        Open();
        return new RunningSession(this, await Student.StartAsync(Booking.Id));
    }
}

/// <summary>A started session in a slot that has just opened, arranged through the API (<see cref="BookedSlot"/>).</summary>
public sealed record RunningSession(BookedSlot Booked, SessionView Session)
{
    public ApiClient Teacher => Booked.Teacher;

    public ApiClient Student => Booked.Student;

    public ExamView Exam => Booked.Exam;

    public SlotView Slot => Booked.Slot;

    public BookingView Booking => Booked.Booking;

    /// <summary>A new teacher's published exam, a slot that has just opened, a new student's started session.</summary>
    public static async Task<RunningSession> StartAsync(ApiFactory factory, int durationMinutes = 30, string title = "Chemistry", string? studentName = null) =>
        await (await BookedSlot.ArrangeAsync(factory, durationMinutes, title, studentName)).StartAsync();
}
