using ProctorWise.Grains.Interfaces.Bookings;

namespace ProctorWise.Grains.Bookings;

/// <summary>One booking as its student's grain records it.</summary>
[GenerateSerializer, Alias("pw.booking-entry")]
public sealed class BookingEntry
{
    /// <summary>The slot.</summary>
    [Id(0)] public string SlotId { get; set; } = string.Empty;

    /// <summary>The exam.</summary>
    [Id(1)] public string ExamId { get; set; } = string.Empty;

    /// <summary>The exam's title when booked.</summary>
    [Id(2)] public string ExamTitle { get; set; } = string.Empty;

    /// <summary>The slot's start when booked.</summary>
    [Id(3)] public DateTimeOffset StartsAt { get; set; }

    /// <summary>The slot's end when booked.</summary>
    [Id(4)] public DateTimeOffset EndsAt { get; set; }

    /// <summary>Booked, cancelled or completed.</summary>
    [Id(5)] public BookingStatus Status { get; set; }

    /// <summary>When it was booked.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The attempt, once started.</summary>
    [Id(7)] public string? SessionId { get; set; }

    /// <summary>True between "seat requested" and "seat confirmed": a crash in between is finished by the next request.</summary>
    [Id(8)] public bool Pending { get; set; }
}
