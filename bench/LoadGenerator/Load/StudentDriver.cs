using System.Diagnostics;
using ProctorWise.LoadGenerator.Api;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>
/// One student during the load phase: a webcam loop and a browser-event loop. Each student's schedule is
/// offset by its place in the room (index / N of a period) so the room's load is smooth, not in waves.
/// </summary>
internal sealed class StudentDriver(
    ApiClient api, Account student, string sessionId, int index, int students, LoadOptions options,
    IReadOnlyList<byte[]> frames, EventLedger ledger, StageMetrics metrics, IReadOnlyList<string> questions, AnswerLedger answers)
{
    /// <summary>
    /// The server admits a frame only a second after the previous one was admitted, by its own clock.
    /// Waiting a second (and a little) after the previous answer guarantees that, however late it came.
    /// </summary>
    private static readonly TimeSpan s_frameGap = TimeSpan.FromMilliseconds(1020);

    public Task RunAsync(long startAt, CancellationToken stop) =>
        Task.WhenAll(
            options.FrameInterval > TimeSpan.Zero ? FramesAsync(startAt, stop) : Task.CompletedTask,
            EventsAsync(startAt, stop),
            AnswersAsync(startAt, stop));

    /// <summary>Saves an answer every event period (a quarter period after the event), each to the next question (the exam has enough).</summary>
    private async Task AnswersAsync(long startAt, CancellationToken stop)
    {
        if (questions.Count == 0)
        {
            return;
        }

        var interval = Ticks(options.EventInterval);
        var next = startAt + (interval * index / students) + (interval / 4);
        for (var seq = 1L; await DelayUntilAsync(next, stop).ConfigureAwait(false); seq++)
        {
            var question = questions[(int)((seq - 1) % questions.Count)];
            var choice = (int)((seq + index) % 3);
            answers.Sent(index, question, seq, choice);
            var sentAt = Stopwatch.GetTimestamp();
            var result = await api.PutAnswerAsync(student.Token, sessionId, question, choice, seq).ConfigureAwait(false);
            metrics.AnswerDone(result, index, sentAt);
            if (result.IsSuccess)
            {
                answers.Acknowledged(index, question, seq, sentAt);
            }

            next += interval;
        }
    }

    private async Task FramesAsync(long startAt, CancellationToken stop)
    {
        var interval = Ticks(options.FrameInterval);
        var next = startAt + (interval * index / students);
        var earliest = long.MinValue;

        // The longest a student's camera goes unanalysed: measured between answers saying "ok", starting from the
        // first accepted frame and ending with the stage (an open gap at the end counts too).
        long? lastAnalysed = null;
        for (var frame = index; ; frame++)
        {
            if (!await DelayUntilAsync(Math.Max(next, earliest), stop).ConfigureAwait(false))
            {
                if (lastAnalysed is { } last)
                {
                    metrics.AnalysedGaps.Add(Stopwatch.GetElapsedTime(last));
                }

                return;
            }

            var sentAt = Stopwatch.GetTimestamp();
            var result = await api.PostFrameAsync(student.Token, sessionId, frames[frame % frames.Count]).ConfigureAwait(false);
            var answeredAt = Stopwatch.GetTimestamp();
            var check = metrics.FrameDone(result, Stopwatch.GetElapsedTime(sentAt, answeredAt), index, sentAt);
            if (check == "ok")
            {
                if (lastAnalysed is { } previous)
                {
                    metrics.AnalysedGaps.Add(Stopwatch.GetElapsedTime(previous, answeredAt));
                }

                lastAnalysed = answeredAt;
            }
            else if (check is not null && lastAnalysed is null)
            {
                lastAnalysed = answeredAt;
            }

            earliest = answeredAt + Ticks(s_frameGap);

            // A camera does not queue up missed frames: slots that passed while waiting are dropped.
            next += interval;
            if (next < earliest)
            {
                var missed = (int)((earliest - next + interval - 1) / interval);
                metrics.FramesSkipped(missed);
                next += missed * interval;
            }
        }
    }

    private async Task EventsAsync(long startAt, CancellationToken stop)
    {
        var interval = Ticks(options.EventInterval);

        // Events are offset by half a period from frames of the same student, like a real page would be by chance.
        var next = startAt + (interval * index / students) + (interval / 2);
        var seq = 0L;
        var hidden = false;
        while (await DelayUntilAsync(next, stop).ConfigureAwait(false))
        {
            var type = hidden ? "resume" : "tab_hidden";
            var sentAt = Stopwatch.GetTimestamp();
            var sent = hidden ? null : ledger.Begin(index, sentAt);
            var result = await api.PostEventAsync(student.Token, sessionId, type, ++seq).ConfigureAwait(false);
            var answeredAt = Stopwatch.GetTimestamp();
            if (sent is not null)
            {
                ledger.Complete(index, sent, answeredAt, result.IsSuccess);
            }

            metrics.EventDone(result, Stopwatch.GetElapsedTime(sentAt, answeredAt), index, sentAt, type);
            if (result.IsSuccess)
            {
                hidden = !hidden;
            }

            next += interval;
        }
    }

    private static long Ticks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Waits until a Stopwatch timestamp; false once the stage stops.</summary>
    private static async Task<bool> DelayUntilAsync(long timestamp, CancellationToken stop)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop).ConfigureAwait(false);
            }

            return !stop.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
