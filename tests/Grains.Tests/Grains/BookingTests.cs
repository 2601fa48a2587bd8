using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Grains;

/// <summary>Capacity, one booking per exam, cancellation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BookingTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    [Fact]
    public async Task ConcurrentBookingsNeverExceedTheCapacity()
    {
        const int Capacity = 15;
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(1), Capacity);
        var students = await Task.WhenAll(Enumerable.Range(0, Capacity + 10).Select(_ => _given.UserAsync(UserRole.Student)));

        var attempts = await Task.WhenAll(students.Select(async s =>
        {
            try
            {
                await _given.BookAsync(s, slot.Id);
                return true;
            }
            catch (ProctorWiseException e) when (e.Kind == ErrorKind.Conflict)
            {
                return false;
            }
        }));

        Assert.Equal(Capacity, attempts.Count(ok => ok));
        Assert.Equal(Capacity, (await fixture.Grains.GetGrain<IExamSlotGrain>(slot.Id).GetAsync())!.Booked);
        var refused = students.Where((_, i) => !attempts[i]);
        foreach (var s in refused)
        {
            Assert.Empty(await fixture.Grains.GetGrain<IStudentBookingsGrain>(s.UserId).ListAsync(s));
        }
    }

    [Fact]
    public async Task AStudentHoldsOneBookingPerExam()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var first = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(1));
        var second = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(2));
        await _given.BookAsync(student, first.Id);

        var error = await Assert.ThrowsAsync<ProctorWiseException>(() => _given.BookAsync(student, second.Id));
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IExamSlotGrain>(second.Id).GetAsync())!.Booked);
    }

    [Fact]
    public async Task CancellingFreesTheSeatAndAllowsAnotherSlot()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var first = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(1));
        var second = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(2));
        var booking = await _given.BookAsync(student, first.Id);
        var bookings = fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId);

        var cancelled = await bookings.CancelAsync(student, booking.Id);

        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IExamSlotGrain>(first.Id).GetAsync())!.Booked);
        Assert.Equal(BookingStatus.Booked, (await _given.BookAsync(student, second.Id)).Status);
    }

    [Fact]
    public async Task CancellationIsRefusedOnceTheSlotStarted()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, TimeSpan.FromSeconds(2));
        var booking = await _given.BookAsync(student, slot.Id);
        fixture.Clock.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<ProctorWiseException>(() =>
            fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId).CancelAsync(student, booking.Id));
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task OnlyTheStudentReachesTheirBookings()
    {
        var student = await _given.UserAsync(UserRole.Student);
        var other = await _given.UserAsync(UserRole.Student);
        var error = await Assert.ThrowsAsync<ProctorWiseException>(() =>
            fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId).ListAsync(other));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task SlotBookingsAreVisibleToOwnerAndAssignedProctorsOnly()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var proctor = await _given.UserAsync(UserRole.Proctor);
        var stranger = await _given.UserAsync(UserRole.Proctor);
        var student = await _given.UserAsync(UserRole.Student, "Zoe Student");
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(1));
        await _given.BookAsync(student, slot.Id);
        var slotGrain = fixture.Grains.GetGrain<IExamSlotGrain>(slot.Id);
        await slotGrain.AssignProctorAsync(teacher, proctor.UserId);

        Assert.Equal("Zoe Student", Assert.Single(await slotGrain.ListBookingsAsync(proctor)).StudentName);
        Assert.Single(await slotGrain.ListBookingsAsync(teacher));
        await Assert.ThrowsAsync<ProctorWiseException>(() => slotGrain.ListBookingsAsync(stranger));
        var notAProctor = await Assert.ThrowsAsync<ProctorWiseException>(() => slotGrain.AssignProctorAsync(teacher, student.UserId));
        Assert.Contains("proctorId", notAProctor.Errors!.Keys);
    }
}
