using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>The periodic check: frames that stopped arriving mean the camera stopped; open intervals keep their reasons current.</summary>
internal sealed class CameraWatch(ProctoringPolicy policy, AnomalyLedger ledger, ConditionTrackers trackers)
{
    public void Tick(DateTimeOffset at, DateTimeOffset sessionStartedAt)
    {
        var lastFrame = trackers.LastFrameAt ?? sessionStartedAt;
        if (policy.WebcamRequired && at - lastFrame >= TimeSpan.FromSeconds(policy.FrameTimeoutSeconds) && ledger.Open(AnomalyType.WebcamStopped) is null)
        {
            ledger.Start(AnomalyType.WebcamStopped, SeverityTable.Initial(AnomalyType.WebcamStopped, policy.WebcamRequired), lastFrame, at, evidence: false);
        }

        // Not reported as changes: a reason that only counts seconds is written with the next real change.
        foreach (var open in ledger.OpenAnomalies.Where(a => a.Type is AnomalyType.WebcamStopped or AnomalyType.TabHidden or AnomalyType.FullscreenExit))
        {
            open.LastAt = at;
            open.Reason = Reasons.For(open, at);
        }
    }
}
