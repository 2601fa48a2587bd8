namespace ProctorWise.Grains.Bookings;

/// <summary>The persisted state of a <see cref="StudentBookingsGrain"/>.</summary>
[GenerateSerializer, Alias("pw.student-bookings-state")]
public sealed class StudentBookingsState
{
    /// <summary>Bookings by id.</summary>
    [Id(0)] public Dictionary<string, BookingEntry> Bookings { get; set; } = new(StringComparer.Ordinal);
}
