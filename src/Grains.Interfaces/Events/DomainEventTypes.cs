namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>Every concrete domain event, for registries that need them by name (the Kafka provider's aliases).</summary>
public static class DomainEventTypes
{
    /// <summary>The types, in the order of docs/events.md.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(ExamPublished),
        typeof(ExamArchived),
        typeof(SlotOpened),
        typeof(SlotCancelled),
        typeof(SlotChanged),
        typeof(BookingMade),
        typeof(BookingCancelled),
        typeof(SessionStarted),
        typeof(SessionSubmitted),
        typeof(SessionTerminated),
        typeof(AnomalyOpened),
        typeof(AnomalyClosed),
        typeof(SubmissionAutoGraded),
        typeof(SubmissionManuallyGraded),
        typeof(SubmissionPublished),
        typeof(PublishedGradeChanged),
        typeof(UserRegistered),
        typeof(UserRoleChanged),
        typeof(UserDeactivated),
        typeof(UserReactivated),
        typeof(AnalyticsJobFailed),
    ];
}
