using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// One UTC day of exam sessions and the events the grains publish for them, in the order they happen: a session
/// starts, its anomalies open, it is submitted, its anomalies close (the session grain closes them when it ends), the
/// submission is graded automatically, essays are graded by a teacher days later (some not yet), and graded
/// submissions are published. Deterministic for a given seed and day.
/// </summary>
internal sealed class DayGenerator(Population population, DateOnly day, int sessions, long anomalies, int seed)
{
    // Anomaly types with how often they occur, their usual severities (low, medium, high, critical) and whether a
    // camera detector scores them (a confidence); browser signals, a stopped camera and no_face have none.
    private static readonly (AnomalyType Type, double Weight, double[] Severity, bool Scored, string Reason)[] s_kinds =
    [
        (AnomalyType.TabHidden, 24, [0.30, 0.50, 0.18, 0.02], false, "tab hidden"),
        (AnomalyType.WindowBlur, 16, [0.55, 0.35, 0.09, 0.01], false, "window lost focus"),
        (AnomalyType.LookingAway, 18, [0.40, 0.45, 0.13, 0.02], true, "looking away"),
        (AnomalyType.NoFace, 12, [0.20, 0.45, 0.30, 0.05], false, "no face in view"),
        (AnomalyType.MultipleFaces, 6, [0.05, 0.30, 0.45, 0.20], true, "more than one face"),
        (AnomalyType.ObjectDetected, 5, [0.05, 0.35, 0.45, 0.15], true, "phone in view"),
        (AnomalyType.FullscreenExit, 7, [0.50, 0.40, 0.09, 0.01], false, "left full screen"),
        (AnomalyType.Copy, 4, [0.40, 0.45, 0.13, 0.02], false, "copy"),
        (AnomalyType.Paste, 4, [0.30, 0.50, 0.17, 0.03], false, "paste"),
        (AnomalyType.WebcamStopped, 2, [0.05, 0.25, 0.50, 0.20], false, "camera stopped"),
        (AnomalyType.DevtoolsOpen, 2, [0.05, 0.25, 0.45, 0.25], false, "developer tools open"),
    ];

    private static readonly double s_totalWeight = s_kinds.Sum(k => k.Weight);

    public IEnumerable<GeneratedSession> Sessions()
    {
        // Not HashCode.Combine: it is salted per process, and the same seed must give the same lake on every run.
        var random = new Random(unchecked((seed * 1_000_003) + day.DayNumber));
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Anomalies per session: most spread evenly, the rest piled on a few sessions, so some students collect
        // many critical ones and others none.
        var counts = new int[sessions];
        for (long a = 0; a < anomalies; a++)
        {
            var u = random.NextDouble();
            var index = random.NextDouble() < 0.5 ? (int)(u * sessions) : (int)(u * u * u * sessions);
            counts[Math.Min(index, sessions - 1)]++;
        }

        for (var s = 0; s < sessions; s++)
        {
            yield return Session(random, dayStart, counts[s]);
        }
    }

    private GeneratedSession Session(Random random, DateTimeOffset dayStart, int anomalyCount)
    {
        var student = population.Students[random.Next(population.Students.Length)];
        var exam = population.Exams[random.Next(population.Exams.Length)];
        // Most exams are taken during the day; one in ten at any hour.
        var hour = random.NextDouble() < 0.9 ? 7 + random.NextDouble() * 14 : random.NextDouble() * 24;
        var startedAt = dayStart.AddSeconds(Math.Round(hour * 3600, 3));
        var duration = TimeSpan.FromSeconds(20 * 60 + random.NextDouble() * 70 * 60);
        var endedAt = startedAt + duration;
        var sessionId = SeededIds.Id(random, startedAt);
        var bookingId = SeededIds.Id(random, startedAt.AddDays(-3));
        var slotId = SeededIds.Id(random, startedAt.AddDays(-7));
        var submissionId = SeededIds.Id(random, endedAt);
        var events = new List<DomainEvent>(4 + (2 * anomalyCount) + 3)
        {
            new SessionStarted(SeededIds.Version7(random, startedAt), startedAt, sessionId, bookingId, slotId, exam.Id, student.Id,
                exam.TeacherId, startedAt, startedAt.AddMinutes(90), exam.QuestionIds.Length),
        };

        var closed = new List<AnomalyClosed>(anomalyCount);
        var risk = 0;
        for (var a = 0; a < anomalyCount; a++)
        {
            var kind = Kind(random);
            var severity = Severity(random, kind.Severity);
            var confidence = kind.Scored ? Math.Round(0.5 + (random.NextDouble() * 0.49), 3) : (double?)null;
            var anomalyStart = startedAt + (duration * random.NextDouble());
            var anomalyEnd = anomalyStart.AddSeconds(1 + (random.NextDouble() * 120));
            if (anomalyEnd > endedAt)
            {
                anomalyEnd = endedAt;
            }

            var anomalyId = SeededIds.Id(random, anomalyStart);
            events.Add(new AnomalyOpened(SeededIds.Version7(random, anomalyStart), anomalyStart, anomalyId, sessionId, slotId, exam.Id,
                student.Id, exam.TeacherId, kind.Type, severity, confidence, anomalyStart, kind.Reason));
            closed.Add(new AnomalyClosed(SeededIds.Version7(random, endedAt), endedAt, anomalyId, sessionId, slotId, exam.Id, student.Id,
                exam.TeacherId, kind.Type, severity, confidence, anomalyStart, anomalyEnd, (anomalyEnd - anomalyStart).TotalSeconds,
                1 + random.Next(5), kind.Reason));
            risk += severity switch { Grains.Interfaces.Proctoring.Severity.Critical => 20, Grains.Interfaces.Proctoring.Severity.High => 10, Grains.Interfaces.Proctoring.Severity.Medium => 5, _ => 2 };
        }

        // The auto grading of each question: answered most of the time, right with the student's ability.
        var questions = exam.QuestionIds.Length;
        var outcomes = new QuestionOutcome[questions];
        var answered = 0;
        var score = 0m;
        var max = 0m;
        var chance = Math.Clamp(student.Ability - exam.Difficulty + Population.Gaussian(random, 0, 0.08), 0.02, 0.99);
        for (var q = 0; q < questions; q++)
        {
            var points = exam.Points[q];
            max += points;
            var isAnswered = random.NextDouble() < 0.95;
            answered += isAnswered ? 1 : 0;
            if (exam.Types[q] == QuestionType.Essay)
            {
                outcomes[q] = new QuestionOutcome(exam.QuestionIds[q], QuestionType.Essay, null, points, null, isAnswered, null);
                continue;
            }

            var correct = isAnswered && random.NextDouble() < chance;
            score += correct ? points : 0m;
            outcomes[q] = new QuestionOutcome(exam.QuestionIds[q], exam.Types[q], correct ? points : 0m, points, correct, isAnswered, "auto");
        }

        var how = random.NextDouble() < 0.95 ? SessionStatus.Submitted : SessionStatus.Expired;
        events.Add(new SessionSubmitted(SeededIds.Version7(random, endedAt), endedAt, sessionId, submissionId, slotId, exam.Id, student.Id,
            exam.TeacherId, how, startedAt, endedAt, duration.TotalSeconds, answered, questions, anomalyCount, Math.Min(100, risk)));
        events.AddRange(closed);

        var gradedAt = endedAt.AddSeconds(1 + (random.NextDouble() * 4));
        var pending = exam.HasEssay ? 1 : 0;
        events.Add(new SubmissionAutoGraded(SeededIds.Version7(random, gradedAt), gradedAt, submissionId, sessionId, slotId, exam.Id,
            student.Id, exam.TeacherId, endedAt, gradedAt, score, max, Percent(score, max), pending, outcomes));

        if (exam.HasEssay)
        {
            // One essay in five is still waiting for its teacher when the job runs: not graded, left out.
            if (random.NextDouble() < 0.2)
            {
                return new GeneratedSession(events, closed, new SubmissionRow(submissionId, sessionId, exam.Id, student.Id, exam.TeacherId,
                    endedAt, null, null, max, null, "submitted"));
            }

            gradedAt = endedAt.AddHours(12 + (random.NextDouble() * 60));
            var essayIndex = questions - 1;
            var essayPoints = exam.Points[essayIndex];
            var essayScore = outcomes[essayIndex].Answered ? Math.Round(essayPoints * (decimal)Math.Clamp(chance + Population.Gaussian(random, 0, 0.1), 0, 1), 1) : 0m;
            score += essayScore;
            events.Add(new SubmissionManuallyGraded(SeededIds.Version7(random, gradedAt), gradedAt, submissionId, exam.Id, student.Id,
                exam.TeacherId, exam.QuestionIds[essayIndex], QuestionType.Essay, essayScore, essayPoints, exam.TeacherId, gradedAt, endedAt,
                score, max, Percent(score, max), 0));
            outcomes = [.. outcomes];
            outcomes[essayIndex] = outcomes[essayIndex] with { Score = essayScore, Correct = null, GradedBy = exam.TeacherId };
        }

        var percent = Percent(score, max);
        var publishedAt = gradedAt.AddHours(random.NextDouble() * 48);
        events.Add(new SubmissionPublished(SeededIds.Version7(random, publishedAt), publishedAt, submissionId, sessionId, slotId, exam.Id,
            student.Id, exam.TeacherId, exam.TeacherId, endedAt, publishedAt, score, max, percent, 60m, percent >= 60m, outcomes));
        return new GeneratedSession(events, closed, new SubmissionRow(submissionId, sessionId, exam.Id, student.Id, exam.TeacherId,
            endedAt, gradedAt, score, max, percent, "published"));
    }

    private static decimal Percent(decimal score, decimal max) => max > 0 ? Math.Round(score / max * 100m, 2, MidpointRounding.AwayFromZero) : 0m;

    private static (AnomalyType Type, double Weight, double[] Severity, bool Scored, string Reason) Kind(Random random)
    {
        var pick = random.NextDouble() * s_totalWeight;
        foreach (var kind in s_kinds)
        {
            pick -= kind.Weight;
            if (pick < 0)
            {
                return kind;
            }
        }

        return s_kinds[^1];
    }

    private static Severity Severity(Random random, double[] weights)
    {
        var pick = random.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return (Severity)i;
            }
        }

        return Grains.Interfaces.Proctoring.Severity.Critical;
    }
}
