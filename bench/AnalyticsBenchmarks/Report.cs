namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>The run's markdown report, written to stdout as it goes (progress goes to stderr, so stdout can be kept as the report).</summary>
internal static class Report
{
    public static void Line(string text = "") => Console.WriteLine(text);
}
