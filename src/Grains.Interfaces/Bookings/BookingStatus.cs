namespace ProctorWise.Grains.Interfaces.Bookings;

/// <summary>The life cycle of a booking.</summary>
[GenerateSerializer, Alias("pw.booking-status")]
public enum BookingStatus
{
    /// <summary>A seat is held.</summary>
    Booked = 0,

    /// <summary>Cancelled by the student before the slot started.</summary>
    Cancelled = 1,

    /// <summary>The attempt ended (submitted, expired or terminated).</summary>
    Completed = 2,
}
