using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// The session's anomalies and how they change: open, extend, merge a repeat, escalate, close. Counting has
/// one rule: a counter is the number of occurrences of its type, i.e. the sum of the
/// <see cref="AnomalyRecord.Count"/> of its anomalies (a new anomaly is one, a merged repeat adds one).
/// Every change is reported so the grain can write, alert and keep evidence.
/// </summary>
internal sealed class AnomalyLedger(ProctoringState state, Func<string> newId)
{
    /// <summary>A repeat within this time of the previous occurrence's end joins the same anomaly.</summary>
    public static readonly TimeSpan MergeWindow = TimeSpan.FromSeconds(30);

    private readonly List<AnomalyChange> _changes = [];

    /// <summary>The browser's clock of the signal being applied: recorded on anomalies, never used for time.</summary>
    public DateTimeOffset? ClientAt { get; set; }

    /// <summary>Occurrences of <paramref name="type"/> so far.</summary>
    public int Occurrences(AnomalyType type) => state.Counters.GetValueOrDefault(type);

    /// <summary>The open anomaly of <paramref name="type"/>, if any.</summary>
    public AnomalyRecord? Open(AnomalyType type) => state.Anomalies.LastOrDefault(a => a.Type == type && a.IsOpen);

    /// <summary>Every open anomaly.</summary>
    public IEnumerable<AnomalyRecord> OpenAnomalies => state.Anomalies.Where(a => a.IsOpen);

    /// <summary>The latest anomaly of <paramref name="type"/> that ended within the merge window.</summary>
    public AnomalyRecord? Recent(AnomalyType type, DateTimeOffset at) =>
        state.Anomalies.LastOrDefault(a => a.Type == type && a.EndedAt is { } end && at - end <= MergeWindow);

    /// <summary>Returns the changes made since the last call.</summary>
    public IReadOnlyList<AnomalyChange> TakeChanges()
    {
        var changes = _changes.ToList();
        _changes.Clear();
        return changes;
    }

    /// <summary>Opens an anomaly: one occurrence.</summary>
    public AnomalyRecord Start(AnomalyType type, Severity severity, DateTimeOffset since, DateTimeOffset at, bool evidence, string? label = null, int peak = 0, int frames = 0, double? confidence = null)
    {
        var record = new AnomalyRecord
        {
            Id = newId(),
            Type = type,
            Severity = severity,
            StartedAt = since,
            CurrentSince = since,
            LastAt = at,
            Peak = peak,
            Frames = frames,
            Label = label,
            Confidence = confidence,
            ClientStartedAt = ClientAt,
            ClientLastAt = ClientAt,
        };
        record.Reason = Reasons.For(record, at);
        state.Anomalies.Add(record);
        Count(type);
        _changes.Add(new AnomalyChange(record, AnomalyChangeKind.Opened, evidence));
        return record;
    }

    /// <summary>Merges a repeat into <paramref name="anomaly"/>: one more occurrence.</summary>
    public void Repeat(AnomalyRecord anomaly, DateTimeOffset at)
    {
        anomaly.Count++;
        anomaly.ClientLastAt = ClientAt;
        Count(anomaly.Type);
        Touch(anomaly, at);
    }

    /// <summary>The condition is still there.</summary>
    public void Touch(AnomalyRecord anomaly, DateTimeOffset at)
    {
        anomaly.LastAt = at;
        anomaly.Reason = Reasons.For(anomaly, at);
        _changes.Add(new AnomalyChange(anomaly, AnomalyChangeKind.Updated));
    }

    /// <summary>Raises the severity when <paramref name="severity"/> is higher (never lowers it).</summary>
    public void Escalate(AnomalyRecord anomaly, Severity severity)
    {
        if (severity > anomaly.Severity)
        {
            anomaly.Severity = severity;
            _changes.Add(new AnomalyChange(anomaly, AnomalyChangeKind.Escalated));
        }
    }

    /// <summary>Ends the open anomaly of <paramref name="type"/>, if any.</summary>
    public void Close(AnomalyType type, DateTimeOffset at)
    {
        if (Open(type) is { } open)
        {
            open.EndedAt = at;
            open.LastAt = at;
            open.Total += at - open.CurrentSince;
            open.Reason = Reasons.For(open, at);
            _changes.Add(new AnomalyChange(open, AnomalyChangeKind.Closed));
        }
    }

    private void Count(AnomalyType type) => state.Counters[type] = state.Counters.GetValueOrDefault(type) + 1;
}
