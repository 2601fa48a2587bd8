using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Tests.Domain.Proctoring;

/// <summary>Sequences of detections and signals over simulated time, and exactly the anomalies they must give.</summary>
public sealed class ProctoringRulesTests
{
    [Fact]
    public void ASingleFrameWithoutAFaceRaisesNothing()
    {
        var rules = new RulesHarness();
        rules.Frame(0, faces: 0);
        rules.Frames(2, 20, faces: 1);
        Assert.Empty(rules.All);
        Assert.Empty(rules.State.Anomalies);
    }

    [Fact]
    public void NoFaceHeldForFiveSecondsRaisesOneHighAnomalyThatLastsUntilAFaceReturns()
    {
        var rules = new RulesHarness();
        rules.Frames(0, 4, faces: 0);
        Assert.Empty(rules.All);

        var opened = Assert.Single(rules.Frame(6, faces: 0));
        Assert.Equal(AnomalyChangeKind.Opened, opened.Kind);
        Assert.True(opened.NeedsEvidence);
        Assert.Equal(AnomalyType.NoFace, opened.Anomaly.Type);
        Assert.Equal(Severity.High, opened.Anomaly.Severity);
        Assert.Equal(RulesHarness.At(0), opened.Anomaly.StartedAt);
        Assert.Equal("No face visible for 6 s", opened.Anomaly.Reason);

        rules.Frames(8, 40, faces: 0);
        rules.Frame(42, faces: 1);

        var anomaly = Assert.Single(rules.State.Anomalies);
        Assert.Single(rules.Alerts);
        Assert.Equal(RulesHarness.At(42), anomaly.EndedAt);
        Assert.Equal("No face visible for 42 s", anomaly.Reason);
        Assert.Equal(1, rules.State.Counters[AnomalyType.NoFace]);
    }

    [Fact]
    public void SkippedFramesNeitherAdvanceNorResetAConditionButKeepTheCameraAlive()
    {
        var rules = new RulesHarness();
        rules.Frame(0, faces: 0);
        rules.SkippedFrame(2);
        rules.SkippedFrame(4);
        Assert.Empty(rules.All);
        Assert.Equal(AnomalyType.NoFace, Assert.Single(rules.Frame(6, faces: 0)).Anomaly.Type);

        rules.SkippedFrame(8);
        Assert.True(Assert.Single(rules.State.Anomalies).IsOpen);
        Assert.DoesNotContain(rules.Tick(20), c => c.Anomaly.Type == AnomalyType.WebcamStopped);
    }

    [Fact]
    public void FramesWithoutAFaceModelProveTheCameraWithoutJudgingTheFace()
    {
        var rules = new RulesHarness();
        rules.Frame(0, faces: 0);
        for (var t = 2; t <= 60; t += 2)
        {
            rules.UnavailableFrame(t);
            rules.Tick(t + 1);
        }

        Assert.Empty(rules.All);
        Assert.Empty(rules.State.Anomalies);
    }

    [Fact]
    public void MultipleFacesNeedConsecutiveFramesAndReportThePeak()
    {
        var rules = new RulesHarness();
        rules.Frame(0, faces: 2);
        rules.Frame(2, faces: 1);
        rules.Frame(4, faces: 2);
        Assert.Empty(rules.All);

        var opened = Assert.Single(rules.Frame(6, faces: 2));
        Assert.Equal(Severity.Critical, opened.Anomaly.Severity);
        Assert.Equal("2 faces in view for 2 frames", opened.Anomaly.Reason);
        rules.Frame(8, faces: 3);
        Assert.Equal("3 faces in view for 3 frames", Assert.Single(rules.State.Anomalies).Reason);
        Assert.Single(rules.Alerts);
    }

    [Fact]
    public void LookingAwayMustBeHeld()
    {
        var rules = new RulesHarness();
        rules.Frames(0, 4, yaw: 0.8f);
        rules.Frame(6, yaw: 0.1f);
        rules.Frames(8, 12, yaw: -0.9f);
        Assert.Empty(rules.All);

        var opened = Assert.Single(rules.Frame(14, yaw: -0.9f));
        Assert.Equal(AnomalyType.LookingAway, opened.Anomaly.Type);
        Assert.Equal(Severity.Medium, opened.Anomaly.Severity);
        Assert.Equal("Looking away from the screen for 6 s", opened.Anomaly.Reason);
    }

    [Fact]
    public void ObjectsCountOnlyWhenTheDetectorRan()
    {
        var rules = new RulesHarness();
        rules.Frames(0, 10, objectLabel: "cell phone", objectsAvailable: false);
        Assert.Empty(rules.All);

        rules.Frame(12, objectLabel: "cell phone", objectsAvailable: true);
        Assert.Empty(rules.All);
        var opened = Assert.Single(rules.Frame(14, objectLabel: "cell phone", objectsAvailable: true));
        Assert.Equal("Cell phone visible in 2 frames", opened.Anomaly.Reason);
        Assert.Equal(Severity.High, opened.Anomaly.Severity);
    }

    [Fact]
    public void QuickTabSwitchesMergeIntoOneAnomalyThatEscalates()
    {
        var rules = new RulesHarness(ProctoringPolicy.Default with { MaxTabSwitches = 3 });
        var first = Assert.Single(rules.Signal(0, BrowserSignalType.TabHidden));
        Assert.Equal(AnomalyChangeKind.Opened, first.Kind);
        Assert.Equal("Left the exam tab", first.Anomaly.Reason);
        rules.Signal(10, BrowserSignalType.Resume);
        Assert.Equal("Left the exam tab (10 s away)", first.Anomaly.Reason);

        for (var i = 1; i <= 3; i++)
        {
            rules.Signal(20 * i, BrowserSignalType.TabHidden);
            rules.Signal((20 * i) + 5, BrowserSignalType.Resume);
        }

        var anomaly = Assert.Single(rules.State.Anomalies);
        Assert.Equal(4, anomaly.Count);
        Assert.Equal(Severity.High, anomaly.Severity);
        Assert.Equal("Left the exam tab 4 times (25 s away in total)", anomaly.Reason);
        Assert.Equal([AnomalyChangeKind.Opened, AnomalyChangeKind.Escalated], rules.Alerts.Select(a => a.Kind));
        Assert.Equal(4, rules.State.Counters[AnomalyType.TabHidden]);
    }

    [Fact]
    public void ATabSwitchAfterTheMergeWindowIsANewAnomaly()
    {
        var rules = new RulesHarness();
        rules.Signal(0, BrowserSignalType.TabHidden);
        rules.Signal(3, BrowserSignalType.Resume);
        rules.Signal(3 + AnomalyLedger.MergeWindow.TotalSeconds + 1, BrowserSignalType.TabHidden);
        Assert.Equal(2, rules.State.Anomalies.Count);
        Assert.Equal(2, rules.Alerts.Count());
    }

    [Fact]
    public void ABlurDuringAHiddenTabAddsNothing()
    {
        var rules = new RulesHarness();
        rules.Signal(0, BrowserSignalType.TabHidden);
        rules.Signal(0.1, BrowserSignalType.WindowBlur);
        Assert.Equal(AnomalyType.TabHidden, Assert.Single(rules.State.Anomalies).Type);
        rules.Signal(5, BrowserSignalType.Resume);
        rules.Signal(60, BrowserSignalType.WindowBlur);
        Assert.Equal(Severity.Low, rules.State.Anomalies.Last().Severity);
    }

    [Fact]
    public void PastesInABurstMergeAndBecomeHigh()
    {
        var rules = new RulesHarness();
        rules.Signal(0, BrowserSignalType.Paste);
        rules.Signal(5, BrowserSignalType.Paste);
        rules.Signal(10, BrowserSignalType.Paste);
        var paste = Assert.Single(rules.State.Anomalies);
        Assert.Equal("Pasted text 3 times", paste.Reason);
        Assert.Equal(Severity.High, paste.Severity);
        Assert.Equal(RulesHarness.At(10), paste.EndedAt);
        Assert.Equal(2, rules.Alerts.Count());
    }

    [Fact]
    public void FramesThatStopArrivingMeanTheCameraStopped()
    {
        var rules = new RulesHarness();
        rules.Frame(0);
        Assert.Empty(rules.Tick(10));
        var opened = Assert.Single(rules.Tick(15));
        Assert.Equal(AnomalyType.WebcamStopped, opened.Anomaly.Type);
        Assert.Equal(Severity.Critical, opened.Anomaly.Severity);
        Assert.Equal(RulesHarness.At(0), opened.Anomaly.StartedAt);
        Assert.DoesNotContain(rules.Tick(20), c => c.Alerts);
        Assert.Equal("Camera stopped: no frame for 20 s", opened.Anomaly.Reason);

        rules.Frame(22);
        Assert.Equal("Camera stopped for 22 s", opened.Anomaly.Reason);
        Assert.False(opened.Anomaly.IsOpen);
    }

    [Fact]
    public void TheBrowserCanReportTheCameraStoppingOnce()
    {
        var rules = new RulesHarness(ProctoringPolicy.Default with { WebcamRequired = false });
        rules.Signal(1, BrowserSignalType.WebcamStopped);
        rules.Signal(2, BrowserSignalType.WebcamStopped);
        var stopped = Assert.Single(rules.State.Anomalies);
        Assert.Equal(Severity.Medium, stopped.Severity);
        Assert.Equal("Camera turned off in the browser", stopped.Reason);
        Assert.Empty(rules.Tick(100));
    }

    [Fact]
    public void EndingTheSessionClosesWhatIsOpen()
    {
        var rules = new RulesHarness();
        rules.Signal(0, BrowserSignalType.FullscreenExit);
        rules.Frames(0, 10, faces: 0);
        rules.End(12);
        Assert.All(rules.State.Anomalies, a => Assert.Equal(RulesHarness.At(12), a.EndedAt));
        Assert.Equal(2, rules.State.Anomalies.Count);
    }
    [Fact]
    public void TheStudentIsNotAnObjectButASecondPersonIs()
    {
        var rules = new RulesHarness();
        for (var t = 0; t <= 20; t += 2)
        {
            rules.FrameWithObjects(t, ProctoringRules.Person);
        }

        Assert.Empty(rules.All);

        rules.FrameWithObjects(22, ProctoringRules.Person, ProctoringRules.Person);
        var opened = Assert.Single(rules.FrameWithObjects(24, ProctoringRules.Person, ProctoringRules.Person));
        Assert.Equal(AnomalyType.ObjectDetected, opened.Anomaly.Type);
        Assert.Equal(ProctoringRules.AnotherPerson, opened.Anomaly.Label);
        Assert.Equal(Severity.High, opened.Anomaly.Severity);
        Assert.Equal("2 people in view for 2 frames", opened.Anomaly.Reason);

        rules.FrameWithObjects(26, ProctoringRules.Person);
        Assert.False(opened.Anomaly.IsOpen);
    }

    [Fact]
    public void AnObjectNextToTheStudentIsNamedAfterTheObject()
    {
        var rules = new RulesHarness();
        rules.FrameWithObjects(0, ProctoringRules.Person, "book");
        var opened = Assert.Single(rules.FrameWithObjects(2, "book", ProctoringRules.Person));
        Assert.Equal("Book visible in 2 frames", opened.Anomaly.Reason);
        Assert.Equal(Severity.Medium, opened.Anomaly.Severity);
    }

    [Fact]
    public void HeldFramesAreNotRepeatsSoTheRiskOfOneTwoFaceEpisodeIsThatOfOneCriticalAnomaly()
    {
        var rules = new RulesHarness();
        rules.Frames(0, 40, faces: 2);
        var anomaly = Assert.Single(rules.State.Anomalies);
        Assert.Equal(1, anomaly.Count);
        Assert.Equal(21, anomaly.Frames);
        Assert.Equal("2 faces in view for 21 frames", anomaly.Reason);
        Assert.Equal(57, rules.Risk(40));

        // Ended ten minutes ago it weighs e^-1 of that (docs/risk-score.md).
        rules.Frame(42, faces: 1);
        Assert.Equal(26, rules.Risk(42 + 600));
    }

    [Fact]
    public void RiskFollowsTheAnomaliesTheRulesRaise()
    {
        var rules = new RulesHarness();
        Assert.Equal(0, rules.Risk(0));
        rules.Signal(0, BrowserSignalType.TabHidden);
        Assert.Equal(22, rules.Risk(1));
        rules.Frames(0, 6, faces: 0);
        Assert.Equal(53, rules.Risk(6)); // medium 3 + high 6 ongoing: 100 × (1 − e^(−9/12))
    }

    [Fact]
    public void CopyIsLowAndMergesDevtoolsIsHighFromTheFirstTime()
    {
        var rules = new RulesHarness();
        var copy = Assert.Single(rules.Signal(0, BrowserSignalType.Copy));
        Assert.Equal(AnomalyType.Copy, copy.Anomaly.Type);
        Assert.Equal(Severity.Low, copy.Anomaly.Severity);
        Assert.Equal("Copied text", copy.Anomaly.Reason);
        rules.Signal(5, BrowserSignalType.Copy);
        rules.Signal(9, BrowserSignalType.Copy);
        Assert.Equal("Copied text 3 times", copy.Anomaly.Reason);
        Assert.Equal(Severity.Low, copy.Anomaly.Severity);

        var devtools = Assert.Single(rules.Signal(20, BrowserSignalType.DevtoolsOpen));
        Assert.Equal(AnomalyType.DevtoolsOpen, devtools.Anomaly.Type);
        Assert.Equal(Severity.High, devtools.Anomaly.Severity);
        Assert.Equal("Opened developer tools", devtools.Anomaly.Reason);
        Assert.True(devtools.Alerts);
        Assert.Equal(2, rules.Alerts.Count());
        Assert.Equal(3, rules.State.Counters[AnomalyType.Copy]);
        Assert.Equal(1, rules.State.Counters[AnomalyType.DevtoolsOpen]);
    }

    [Fact]
    public void WindowBlursCountTheirTimeAndEscalateAfterTheTolerance()
    {
        var rules = new RulesHarness(ProctoringPolicy.Default with { MaxTabSwitches = 2 });
        rules.Signal(0, BrowserSignalType.WindowBlur);
        rules.Signal(4, BrowserSignalType.Resume);
        rules.Signal(10, BrowserSignalType.WindowBlur);
        rules.Signal(13, BrowserSignalType.Resume);
        var blur = Assert.Single(rules.State.Anomalies);
        Assert.Equal(Severity.Low, blur.Severity);
        Assert.Equal("Exam window lost focus 2 times (7 s away in total)", blur.Reason);

        rules.Signal(20, BrowserSignalType.WindowBlur);
        Assert.Equal(Severity.Medium, blur.Severity);
        Assert.Equal(3, rules.State.Counters[AnomalyType.WindowBlur]);
        Assert.Equal([AnomalyChangeKind.Opened, AnomalyChangeKind.Escalated], rules.Alerts.Select(a => a.Kind));
    }

    [Fact]
    public void FullscreenExitLastsUntilResumeAndCountsItsTime()
    {
        var rules = new RulesHarness();
        var opened = Assert.Single(rules.Signal(0, BrowserSignalType.FullscreenExit));
        Assert.Equal(Severity.Medium, opened.Anomaly.Severity);
        Assert.Equal("Left full screen", opened.Anomaly.Reason);
        rules.Signal(12, BrowserSignalType.Resume);
        Assert.Equal("Left full screen (12 s away)", opened.Anomaly.Reason);
        Assert.Equal(RulesHarness.At(12), opened.Anomaly.EndedAt);
    }

    [Fact]
    public void TheBrowsersClockIsRecordedButTheServersDecides()
    {
        var rules = new RulesHarness();
        var skewed = RulesHarness.At(0).AddMinutes(-7);
        var opened = Assert.Single(rules.Signal(0, BrowserSignalType.Paste, skewed));
        rules.Signal(3, BrowserSignalType.Paste, skewed.AddSeconds(3));
        Assert.Equal(skewed, opened.Anomaly.ClientStartedAt);
        Assert.Equal(skewed.AddSeconds(3), opened.Anomaly.ClientLastAt);
        Assert.Equal(RulesHarness.At(0), opened.Anomaly.StartedAt);
        Assert.Equal(RulesHarness.At(3), opened.Anomaly.EndedAt);
        Assert.Equal(skewed, opened.Anomaly.ToView("s").ClientStartedAt);
    }
}
