using ProctorWise.Grains.Interfaces.Bookings;

namespace ProctorWise.Grains.Slots;

/// <summary>A booking as its slot records it.</summary>
[GenerateSerializer, Alias("pw.slot-booking-entry")]
public sealed class SlotBookingEntry
{
    /// <summary>The student.</summary>
    [Id(0)] public string StudentId { get; set; } = string.Empty;

    /// <summary>The student's name.</summary>
    [Id(1)] public string StudentName { get; set; } = string.Empty;

    /// <summary>Booked, cancelled or completed.</summary>
    [Id(2)] public BookingStatus Status { get; set; }

    /// <summary>When it was booked.</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>True while the booking takes a seat.</summary>
    public bool HoldsSeat => Status is BookingStatus.Booked or BookingStatus.Completed;
}
