using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Notifications;

/// <summary>The persisted state of a <see cref="NotificationMailGrain"/>.</summary>
[GenerateSerializer, Alias("pw.notification-mail-state")]
public sealed class NotificationMailState
{
    /// <summary>The message; null until sent once.</summary>
    [Id(0)] public MailMessage? Message { get; set; }

    /// <summary>Pending, sent or failed.</summary>
    [Id(1)] public DeliveryStatus Status { get; set; }

    /// <summary>Attempts made.</summary>
    [Id(2)] public int Attempts { get; set; }

    /// <summary>The last attempt's error.</summary>
    [Id(3)] public string? Error { get; set; }

    /// <summary>When the next attempt is due (domain clock).</summary>
    [Id(4)] public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When the status last changed.</summary>
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
}
