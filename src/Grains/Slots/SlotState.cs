using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Slots;

/// <summary>The persisted state of an <see cref="ExamSlotGrain"/>.</summary>
[GenerateSerializer, Alias("pw.slot-state")]
public sealed class SlotState
{
    /// <summary>What the slot knows of its exam; null until initialised.</summary>
    [Id(0)] public SlotSetup? Exam { get; set; }

    /// <summary>Start of the window.</summary>
    [Id(1)] public DateTimeOffset StartsAt { get; set; }

    /// <summary>Seats.</summary>
    [Id(2)] public int Capacity { get; set; }

    /// <summary>True once its exam removed it.</summary>
    [Id(3)] public bool Removed { get; set; }

    /// <summary>Bookings by id.</summary>
    [Id(4)] public Dictionary<string, SlotBookingEntry> Bookings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Proctors supervising the room.</summary>
    [Id(5)] public HashSet<string> ProctorIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Facts saved with the changes they record, until their stream took them (the outbox).</summary>
    [Id(6)] public List<PendingEvent> Outbox { get; set; } = [];
}
