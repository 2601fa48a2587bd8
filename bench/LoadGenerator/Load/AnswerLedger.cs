using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>
/// The answers students saved during the load: every save sent (by revision), and per question the last one the server
/// acknowledged (204). After the load each session is read back: an acknowledged answer must be there, or a later
/// revision of it (a save that got no answer may still have been applied); anything else is an acknowledged answer lost.
/// </summary>
internal sealed class AnswerLedger
{
    private readonly ConcurrentDictionary<(int Student, string Question), ConcurrentDictionary<long, int>> _sent = new();
    private readonly ConcurrentDictionary<(int Student, string Question), (long Seq, long SentAt)> _acknowledged = new();

    public void Sent(int student, string question, long seq, int choice) =>
        _sent.GetOrAdd((student, question), _ => new ConcurrentDictionary<long, int>())[seq] = choice;

    public void Acknowledged(int student, string question, long seq, long sentAt) =>
        _acknowledged.AddOrUpdate((student, question), (seq, sentAt), (_, old) => seq > old.Seq ? (seq, sentAt) : old);

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Compares a session's stored answers (<c>GET /api/sessions/{id}</c>) with the ledger; returns one row per acknowledged answer.</summary>
    public IEnumerable<(int Student, string Question, long Seq, long SentAt, bool ReadBack)> Check(int student, JsonElement session)
    {
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        if (session.TryGetProperty("answers", out var answers) && answers.ValueKind == JsonValueKind.Array)
        {
            foreach (var answer in answers.EnumerateArray())
            {
                // The API writes a choice answer as its array of option indexes (docs/API.md).
                if (answer.TryGetProperty("answer", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() == 1)
                {
                    stored[answer.GetProperty("questionId").GetString()!] = choices[0].GetInt32();
                }
            }
        }

        foreach (var ((owner, question), (seq, sentAt)) in _acknowledged)
        {
            if (owner != student)
            {
                continue;
            }

            var sent = _sent[(owner, question)];
            var readBack = stored.TryGetValue(question, out var choice) && sent.Any(s => s.Key >= seq && s.Value == choice);
            yield return (owner, question, seq, sentAt, readBack);
        }
    }

    /// <summary>One CSV row of a checked answer, times from the load's start.</summary>
    public static string Row((int Student, string Question, long Seq, long SentAt, bool ReadBack) check, long startAt) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{check.Student},{check.Question},{check.Seq},{Stopwatch.GetElapsedTime(startAt, check.SentAt).TotalMilliseconds:F1},{(check.ReadBack ? 1 : 0)}");
}
