namespace ProctorWise.Grains.Notifications;

/// <summary>The two reminders of a booking and how long before the slot each is due.</summary>
internal static class ExamReminderNotices
{
    public const string DayBefore = "24h";

    public const string HourBefore = "1h";

    public static IReadOnlyList<(string Notice, TimeSpan Before)> All { get; } =
        [(DayBefore, TimeSpan.FromHours(24)), (HourBefore, TimeSpan.FromHours(1))];
}
