using System.Collections.Frozen;
using System.Globalization;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Lake.Events;

/// <summary>
/// Where events land (docs/lake.md): <c>raw/&lt;namespace&gt;/date=YYYY-MM-DD/type=&lt;event_type&gt;/part-&lt;first EventId&gt;-&lt;8 hex&gt;.parquet</c>,
/// the date being the UTC date of <c>OccurredAt</c> and the namespace the stream the owning grain publishes the
/// event on.
/// </summary>
public static class LakeLayout
{
    /// <summary>The raw zone: events as they arrived, duplicates from redelivery included.</summary>
    public const string RawZone = "raw";

    /// <summary>The stream namespace of every landed event type (the grains' outbox calls, docs/events.md).</summary>
    private static readonly FrozenDictionary<Type, string> s_namespaces = new Dictionary<Type, string>
    {
        [typeof(ExamPublished)] = StreamNamespaces.Exams,
        [typeof(ExamArchived)] = StreamNamespaces.Exams,
        [typeof(SlotOpened)] = StreamNamespaces.Exams,
        [typeof(SlotCancelled)] = StreamNamespaces.Exams,
        [typeof(SlotChanged)] = StreamNamespaces.Exams,
        [typeof(BookingMade)] = StreamNamespaces.Bookings,
        [typeof(BookingCancelled)] = StreamNamespaces.Bookings,
        [typeof(SessionStarted)] = StreamNamespaces.Sessions,
        [typeof(SessionSubmitted)] = StreamNamespaces.Sessions,
        [typeof(SessionTerminated)] = StreamNamespaces.Sessions,
        [typeof(AnomalyOpened)] = StreamNamespaces.Sessions,
        [typeof(AnomalyClosed)] = StreamNamespaces.Sessions,
        [typeof(SubmissionAutoGraded)] = StreamNamespaces.Submissions,
        [typeof(SubmissionManuallyGraded)] = StreamNamespaces.Submissions,
        [typeof(SubmissionPublished)] = StreamNamespaces.Submissions,
        [typeof(PublishedGradeChanged)] = StreamNamespaces.Submissions,
        [typeof(UserRegistered)] = StreamNamespaces.Users,
        [typeof(UserRoleChanged)] = StreamNamespaces.Users,
        [typeof(UserDeactivated)] = StreamNamespaces.Users,
        [typeof(UserReactivated)] = StreamNamespaces.Users,
        [typeof(AnalyticsJobFailed)] = StreamNamespaces.Analytics,
    }.ToFrozenDictionary();

    /// <summary>Whether events of <paramref name="eventType"/> land in the lake.</summary>
    public static bool Lands(Type eventType) => s_namespaces.ContainsKey(eventType);

    /// <summary>The stream namespace of <paramref name="eventType"/>.</summary>
    /// <exception cref="ArgumentException">The type is not a landed domain event.</exception>
    public static string NamespaceOf(Type eventType) =>
        s_namespaces.TryGetValue(eventType, out var ns)
            ? ns
            : throw new ArgumentException($"{eventType.Name} has no lake namespace: add it to LakeLayout (and docs/lake.md).", nameof(eventType));

    /// <summary>The event type's folder name: the record's name in snake_case (<c>session_submitted</c>).</summary>
    public static string EventTypeName(Type eventType) => LakeTable.SnakeCase(eventType.Name);

    /// <summary>The folder of one (namespace, date, table): <c>raw/sessions/date=2026-03-02/type=anomaly_opened</c>.</summary>
    public static string PartitionOf(string streamNamespace, DateOnly date, string tableName) =>
        $"{RawZone}/{streamNamespace}/date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/type={tableName}";

    /// <summary>The UTC date an event is filed under.</summary>
    public static DateOnly DateOf(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return DateOnly.FromDateTime(domainEvent.OccurredAt.UtcDateTime);
    }

    /// <summary>A file's name: the first event's id and 8 random hex digits, so two writers or a retry never collide.</summary>
    public static string FileNameOf(Guid firstEventId) =>
        $"part-{firstEventId:D}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}.parquet";
}
