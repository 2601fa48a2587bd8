namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>What a notification is about; preferences are set per type (docs/notifications.md).</summary>
public enum NotificationType
{
    /// <summary>The student's booking was confirmed.</summary>
    BookingConfirmed = 0,

    /// <summary>The student's booking was cancelled.</summary>
    BookingCancelled = 1,

    /// <summary>The exam starts in 24 hours or in 1 hour.</summary>
    ExamReminder = 2,

    /// <summary>A booked exam or slot changed or was cancelled.</summary>
    ExamChanged = 3,

    /// <summary>The student's grade was published.</summary>
    GradePublished = 4,

    /// <summary>A published grade of the student changed.</summary>
    GradeChanged = 5,

    /// <summary>A session was ended by a proctor (student and the exam's teacher).</summary>
    SessionTerminated = 6,

    /// <summary>High-severity anomalies in a session of the teacher's exam (debounced, with the count).</summary>
    AnomalyDigest = 7,

    /// <summary>An analytics job failed every attempt (administrators).</summary>
    AnalyticsJobFailed = 8,
}
