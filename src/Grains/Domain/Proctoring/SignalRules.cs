using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// The browser's signals. Leaving the tab, the window or full screen lasts until <see cref="BrowserSignalType.Resume"/>;
/// copy, paste and developer tools are one-off. A repeat within the merge window joins the previous anomaly,
/// which escalates once the occurrences exceed the tolerance (<see cref="SeverityTable"/>).
/// </summary>
internal sealed class SignalRules(ProctoringPolicy policy, AnomalyLedger ledger)
{
    /// <summary>The label of a camera stop the browser reported (rather than inferred from missing frames).</summary>
    public const string ReportedByBrowser = "browser";

    public void Apply(BrowserSignalType signal, DateTimeOffset at)
    {
        switch (signal)
        {
            case BrowserSignalType.TabHidden:
                Interval(AnomalyType.TabHidden, at);
                break;
            case BrowserSignalType.WindowBlur when ledger.Open(AnomalyType.TabHidden) is null:
                // A hidden tab also blurs the window: the blur adds nothing then.
                Interval(AnomalyType.WindowBlur, at);
                break;
            case BrowserSignalType.FullscreenExit:
                Interval(AnomalyType.FullscreenExit, at);
                break;
            case BrowserSignalType.Resume:
                ledger.Close(AnomalyType.TabHidden, at);
                ledger.Close(AnomalyType.WindowBlur, at);
                ledger.Close(AnomalyType.FullscreenExit, at);
                break;
            case BrowserSignalType.Copy:
                Instant(AnomalyType.Copy, at);
                break;
            case BrowserSignalType.Paste:
                Instant(AnomalyType.Paste, at);
                break;
            case BrowserSignalType.DevtoolsOpen:
                Instant(AnomalyType.DevtoolsOpen, at);
                break;
            case BrowserSignalType.WebcamStopped when ledger.Open(AnomalyType.WebcamStopped) is null:
                ledger.Start(AnomalyType.WebcamStopped, SeverityTable.Initial(AnomalyType.WebcamStopped, policy.WebcamRequired), at, at, evidence: false, ReportedByBrowser);
                break;
        }
    }

    /// <summary>A browser state that lasts until resume; a repeat while it lasts is the same occurrence.</summary>
    private void Interval(AnomalyType type, DateTimeOffset at)
    {
        if (ledger.Open(type) is not null)
        {
            return;
        }

        if (ledger.Recent(type, at) is { } previous)
        {
            previous.EndedAt = null;
            previous.CurrentSince = at;
            ledger.Repeat(previous, at);
            ledger.Escalate(previous, SeverityTable.After(type, previous.Count, policy.MaxTabSwitches));
            return;
        }

        ledger.Start(type, SeverityTable.After(type, ledger.Occurrences(type) + 1, policy.MaxTabSwitches), at, at, evidence: false);
    }

    /// <summary>A one-off event; repeats within the merge window join it.</summary>
    private void Instant(AnomalyType type, DateTimeOffset at)
    {
        if (ledger.Recent(type, at) is { } previous)
        {
            previous.EndedAt = at;
            ledger.Repeat(previous, at);
            ledger.Escalate(previous, SeverityTable.After(type, previous.Count, policy.MaxTabSwitches));
            return;
        }

        var started = ledger.Start(type, SeverityTable.Initial(type), at, at, evidence: false);
        started.EndedAt = at;
    }
}
