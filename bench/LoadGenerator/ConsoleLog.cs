using System.Globalization;

namespace ProctorWise.LoadGenerator;

/// <summary>Progress lines on stdout, time-stamped so a slow setup step stands out.</summary>
internal static class ConsoleLog
{
    public static void Info(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} {message}"));
}
