namespace ProctorWise.LoadGenerator.Load;

/// <summary>
/// Every tab_hidden each student sent, numbered as the server counts them: the n-th accepted one is the
/// one that makes <c>counters.tab_hidden</c> reach n. That number joins a student's send time to each
/// proctor's arrival time. A refused event did not count, so the next attempt takes its number.
/// </summary>
internal sealed class EventLedger
{
    private readonly List<TabHiddenEvent>[] _students;

    public EventLedger(int students)
    {
        _students = new List<TabHiddenEvent>[students];
        for (var i = 0; i < students; i++)
        {
            _students[i] = [];
        }
    }

    /// <summary>Records a send; returns the event to complete when its answer comes.</summary>
    public TabHiddenEvent Begin(int student, long sentAt)
    {
        var events = _students[student];
        lock (events)
        {
            if (events.Count > 0 && events[^1] is { Answered: true, Accepted: false })
            {
                events.RemoveAt(events.Count - 1);
            }

            var sent = new TabHiddenEvent(sentAt);
            events.Add(sent);
            return sent;
        }
    }

    public void Complete(int student, TabHiddenEvent sent, long answeredAt, bool accepted)
    {
        lock (_students[student])
        {
            sent.AnsweredAt = answeredAt;
            sent.Answered = true;
            sent.Accepted = accepted;
        }
    }

    /// <summary>The n-th (1-based) event of a student if the server accepted it.</summary>
    public TabHiddenEvent? Accepted(int student, int number)
    {
        var events = _students[student];
        lock (events)
        {
            return number >= 1 && number <= events.Count && events[number - 1].Accepted ? events[number - 1] : null;
        }
    }

    public int AcceptedCount => _students.Sum(events =>
    {
        lock (events)
        {
            return events.Count(e => e.Accepted);
        }
    });
}
