using ProctorWise.LoadGenerator.Metrics;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>Everything a stage measured.</summary>
internal sealed record StageResult
{
    public required int Students { get; init; }

    public required int Proctors { get; init; }

    public required TimeSpan FrameInterval { get; init; }

    public required TimeSpan EventInterval { get; init; }

    public required TimeSpan LoadTime { get; init; }

    public required TimeSpan SetupTime { get; init; }

    /// <summary>tab_hidden events the server accepted (each should reach every proctor).</summary>
    public required int TabHiddenAccepted { get; init; }

    public required int DeliveriesExpected { get; init; }

    public required int DeliveriesMeasured { get; init; }

    /// <summary>Event → proctor latency: sessionChanged arrival minus the student's send time.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>The part after the event's 202 reached the student: the server's push path alone.</summary>
    public required LatencySummary AfterAnswer { get; init; }

    public required LatencySummary EventPost { get; init; }

    public required LatencySummary FramePost { get; init; }

    public required int FramesAccepted { get; init; }

    public required int FramesLate { get; init; }

    public required int FramesAnalysed { get; init; }

    public required int FramesShed { get; init; }

    /// <summary>Frames skipped as near-identical to the session's last analysed frame.</summary>
    public int FramesUnchanged { get; init; }

    /// <summary>Time between two analysed frames of one student (all students); Max is the longest gap.</summary>
    public LatencySummary AnalysedGaps { get; init; }

    /// <summary>Share of accepted frames the server analysed.</summary>
    public double FractionAnalysed => FramesAccepted == 0 ? 0 : (double)FramesAnalysed / FramesAccepted;

    public required int? FacesInFirstFrame { get; init; }

    public required StatusCounts Statuses { get; init; }

    public required CpuUse Cpu { get; init; }

    public required int Alerts { get; init; }

    public required int SessionChanges { get; init; }

    public required int HubDisconnects { get; init; }

    /// <summary>The proctors' camera tiles, when the run polled them (<c>--tiles</c>).</summary>
    public TileTotals? Tiles { get; init; }

    /// <summary>How many times the stage ran (more than once when other processes disturbed it).</summary>
    public int Runs { get; init; } = 1;

    public int Missing => DeliveriesExpected - DeliveriesMeasured;

    public double FramesPerSecond => FramesAccepted / LoadTime.TotalSeconds;

    /// <summary>Frames per second the server actually ran face detection on.</summary>
    public double AnalysedPerSecond => FramesAnalysed / LoadTime.TotalSeconds;

    public double TargetFramesPerSecond => FrameInterval > TimeSpan.Zero ? Students / FrameInterval.TotalSeconds : 0;

    public int Http429 => Statuses.Count(StageMetrics.Frames, s => s == 429) + Statuses.Count(StageMetrics.Events, s => s == 429);

    public bool Meets(double p99TargetMs) => Latency.Count > 0 && Latency.P99 < p99TargetMs && Missing == 0;
}

/// <summary>What every proctor's tiles polled during a stage, summed over the proctors.</summary>
internal sealed record TileTotals(int Proctors, TimeSpan Interval, long Polls, long Frames, long NotModified, long Failed, long Bytes)
{
    /// <summary>Picture bytes per second for one proctor over <paramref name="loadTime"/>.</summary>
    public double BytesPerSecondPerProctor(TimeSpan loadTime) => Bytes / loadTime.TotalSeconds / Proctors;
}
