using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>One anomaly of a session, as persisted with it.</summary>
[GenerateSerializer, Alias("pw.anomaly-record")]
public sealed class AnomalyRecord
{
    /// <summary>The anomaly id.</summary>
    [Id(0)] public string Id { get; set; } = string.Empty;

    /// <summary>What was detected.</summary>
    [Id(1)] public AnomalyType Type { get; set; }

    /// <summary>Current severity (it can escalate, never drop).</summary>
    [Id(2)] public Severity Severity { get; set; }

    /// <summary>Plain-language reason, kept current while the condition lasts.</summary>
    [Id(3)] public string Reason { get; set; } = string.Empty;

    /// <summary>When the condition began.</summary>
    [Id(4)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended; null while it continues.</summary>
    [Id(5)] public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Occurrences merged into this anomaly.</summary>
    [Id(6)] public int Count { get; set; } = 1;

    /// <summary>Last time the condition was observed.</summary>
    [Id(7)] public DateTimeOffset LastAt { get; set; }

    /// <summary>Total time the condition lasted over its closed occurrences.</summary>
    [Id(8)] public TimeSpan Total { get; set; }

    /// <summary>True once a frame snapshot was stored as evidence.</summary>
    [Id(9)] public bool HasEvidence { get; set; }

    /// <summary>The largest number of faces (or people) seen in one frame, for the reason text.</summary>
    [Id(10)] public int Peak { get; set; }

    /// <summary>The object label for <see cref="AnomalyType.ObjectDetected"/>.</summary>
    [Id(11)] public string? Label { get; set; }

    /// <summary>When the current occurrence began (a merged repeat starts a new one).</summary>
    [Id(12)] public DateTimeOffset CurrentSince { get; set; }

    /// <summary>Consecutive frames showing the condition (frame-counted anomalies); not occurrences.</summary>
    [Id(13)] public int Frames { get; set; }

    /// <summary>The browser's clock when the signal that opened the anomaly happened (recorded, never trusted for ordering).</summary>
    [Id(14)] public DateTimeOffset? ClientStartedAt { get; set; }

    /// <summary>The browser's clock at the latest signal merged into the anomaly.</summary>
    [Id(15)] public DateTimeOffset? ClientLastAt { get; set; }

    /// <summary>
    /// How sure the detector was, 0–1, for camera anomalies it saw (the face's score when looking away, the
    /// weakest of the faces that made "several", the object's score); null where nothing was detected (no
    /// face) or the fact is not a detection (browser signals, a camera that stopped).
    /// </summary>
    [Id(16)] public double? Confidence { get; set; }

    /// <summary>When its evidence frame was captured (retention counts from here); null without one, or for frames kept before this was recorded.</summary>
    [Id(17)] public DateTimeOffset? EvidenceCapturedAt { get; set; }

    /// <summary>True while the condition goes on.</summary>
    public bool IsOpen => EndedAt is null;

    /// <summary>The public view; <paramref name="evidenceKept"/> says whether its frame can still be read.</summary>
    public AnomalyView ToView(string sessionId, bool? evidenceKept = null) =>
        new(Id, sessionId, Type, Severity, Reason, StartedAt, EndedAt, Count, evidenceKept ?? HasEvidence, ClientStartedAt);
}
