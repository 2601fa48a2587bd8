using System.Globalization;
using System.Text;
using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// The generated facts as the original system kept them, one row per entity in its current state (the
/// <c>anomalies</c>, <c>submissions</c>, <c>exam_sessions</c> and <c>users</c> tables), written as CSV for
/// <c>LOAD DATA LOCAL INFILE</c>. One set of files per generated day, so days are generated in parallel.
/// </summary>
internal sealed class CsvTables : IDisposable
{
    public const string Anomalies = "anomalies";
    public const string Submissions = "submissions";
    public const string Sessions = "exam_sessions";
    public const string Users = "users";

    private const string Null = "\\N";

    private readonly StreamWriter _anomalies;
    private readonly StreamWriter _submissions;
    private readonly StreamWriter _sessions;

    public CsvTables(string root, string part)
    {
        _anomalies = Open(root, Anomalies, part);
        _submissions = Open(root, Submissions, part);
        _sessions = Open(root, Sessions, part);
    }

    public static StreamWriter Open(string root, string table, string part)
    {
        var folder = Path.Combine(root, table);
        Directory.CreateDirectory(folder);
        return new StreamWriter(Path.Combine(folder, part + ".csv"), append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    /// <summary>The files of <paramref name="table"/>, in order.</summary>
    public static string[] Files(string root, string table) =>
        Directory.Exists(Path.Combine(root, table))
            ? [.. Directory.GetFiles(Path.Combine(root, table), "*.csv").Order(StringComparer.Ordinal)]
            : [];

    public static void WriteUser(StreamWriter writer, UserRegistered user) =>
        writer.WriteLine(string.Join(',', user.UserId, LakeName(user.Role.ToString()), Time(user.RegisteredAt)));

    public void Write(GeneratedSession session)
    {
        foreach (var a in session.Anomalies)
        {
            _anomalies.WriteLine(string.Join(',', a.AnomalyId, a.SessionId, a.ExamId, a.StudentId, LakeName(a.Type.ToString()),
                LakeName(a.Severity.ToString()), a.Confidence is { } c ? Number(c) : Null, Time(a.StartedAt), Time(a.EndedAt), a.Occurrences.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var e in session.Events)
        {
            if (e is SessionSubmitted s)
            {
                _sessions.WriteLine(string.Join(',', s.SessionId, s.SubmissionId, s.ExamId, s.StudentId, LakeName(s.How.ToString()),
                    Time(s.StartedAt), Time(s.EndedAt), s.AnomalyCount.ToString(CultureInfo.InvariantCulture), s.RiskScore.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var r = session.Submission;
        _submissions.WriteLine(string.Join(',', r.SubmissionId, r.SessionId, r.ExamId, r.StudentId, r.TeacherId, Time(r.SubmittedAt),
            r.GradedAt is { } g ? Time(g) : Null, r.Score is { } sc ? Number((double)sc) : Null, Number((double)r.MaxScore),
            r.Percentage is { } p ? Number((double)p) : Null, r.Status));
    }

    public void Dispose()
    {
        _anomalies.Dispose();
        _submissions.Dispose();
        _sessions.Dispose();
    }

    private static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // The lake's (and the API's) enum spelling, so both sides compare the same strings: NoFace → no_face.
    private static string LakeName(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
