using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Tests.Domain.Proctoring;

/// <summary>The thumbnail comparison and the rule that decides which frames skip inference (docs/proctoring.md, "Unchanged frames").</summary>
public sealed class FrameSkipPolicyTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly FrameSkipOptions s_options = new();

    /// <summary>A thumbnail with a gradient, like a room behind a student.</summary>
    private static FrameThumbnail Scene(int offset = 0) =>
        new([.. Enumerable.Range(0, FrameThumbnail.Cells).Select(i => (byte)Math.Clamp(40 + (i % FrameThumbnail.Width * 5) + (i / FrameThumbnail.Width * 2) + offset, 0, 255))]);

    /// <summary>The scene with <paramref name="cells"/> cells (a block at the left edge) brightened by <paramref name="by"/>.</summary>
    private static FrameThumbnail WithPatch(FrameThumbnail scene, int cells, int by)
    {
        var luma = scene.Luma.ToArray();
        for (var i = 0; i < cells; i++)
        {
            var cell = (i / 4 * FrameThumbnail.Width) + (i % 4);
            luma[cell] = (byte)Math.Clamp(luma[cell] + by, 0, 255);
        }

        return new FrameThumbnail(luma);
    }

    /// <summary>Camera noise: every cell off by up to ±2.</summary>
    private static FrameThumbnail Noisy(FrameThumbnail scene) =>
        new([.. scene.Luma.Select((v, i) => (byte)Math.Clamp(v + ((i * 7 % 5) - 2), 0, 255))]);

    private static FrameDecision Decide(FrameThumbnail frame, FrameThumbnail? last, double secondsSinceAnalysis = 2, bool pending = false, FrameSkipOptions? options = null) =>
        FrameSkipPolicy.Decide(options ?? s_options, frame, last, s_t0, s_t0.AddSeconds(secondsSinceAnalysis), pending);

    [Fact]
    public void IdenticalThumbnailsDoNotDiffer()
    {
        var d = ThumbnailDifference.Between(Scene(), Scene(), 20);
        Assert.Equal(0, d.Mean);
        Assert.Equal(0, d.ChangedFraction);
    }

    [Fact]
    public void TheMeasureCountsTheMeanAndTheShareOfChangedCells()
    {
        var patched = WithPatch(Scene(), cells: 12, by: 40);
        var d = ThumbnailDifference.Between(Scene(), patched, 20);
        Assert.Equal(12 * 40.0 / FrameThumbnail.Cells, d.Mean, 6);
        Assert.Equal(12.0 / FrameThumbnail.Cells, d.ChangedFraction, 6);
    }

    [Fact]
    public void ThumbnailsOfDifferentSizesAreAsDifferentAsCanBe()
    {
        var d = ThumbnailDifference.Between(Scene(), new FrameThumbnail(new byte[10]), 20);
        Assert.False(d.IsWithin(254, 0.99));
    }

    [Fact]
    public void ANearIdenticalFrameIsSkipped()
    {
        Assert.Equal(FrameDecision.Unchanged, Decide(Noisy(Scene()), Scene()));
        Assert.Equal(FrameDecision.Unchanged, Decide(Scene(offset: 3), Scene()));
    }

    [Fact]
    public void AChangedFrameIsAnalysed()
    {
        // Everything brighter (the light changed or the camera moved) …
        Assert.Equal(FrameDecision.Analyse, Decide(Scene(offset: 12), Scene()));

        // … or a small part changed a lot: a phone raised into the picture (12 of 768 cells) barely moves the mean.
        var phone = WithPatch(Scene(), cells: 12, by: 60);
        Assert.True(ThumbnailDifference.Between(phone, Scene(), 20).Mean < s_options.MaxMeanDifference);
        Assert.Equal(FrameDecision.Analyse, Decide(phone, Scene()));
    }

    [Fact]
    public void TheBoundForcesAnalysisOfAnUnchangedPictureAheadOfRoutineFrames()
    {
        var bound = s_options.MaxInterval.TotalSeconds;
        Assert.Equal(FrameDecision.Unchanged, Decide(Scene(), Scene(), secondsSinceAnalysis: bound - 0.001));
        Assert.Equal(FrameDecision.Overdue, Decide(Scene(), Scene(), secondsSinceAnalysis: bound));
        Assert.Equal(FrameDecision.Overdue, Decide(Scene(), Scene(), secondsSinceAnalysis: 600));

        // A clock that went backwards says nothing about freshness.
        Assert.Equal(FrameDecision.Analyse, Decide(Scene(), Scene(), secondsSinceAnalysis: -1));
    }

    [Fact]
    public void APendingConditionForcesAnalysis() =>
        Assert.Equal(FrameDecision.Analyse, Decide(Scene(), Scene(), pending: true));

    [Fact]
    public void WithoutAReferenceOrAThumbnailOrWhenDisabledTheFrameIsAnalysed()
    {
        Assert.Equal(FrameDecision.Analyse, Decide(Scene(), last: null));
        Assert.Equal(FrameDecision.Analyse, FrameSkipPolicy.Decide(s_options, frame: null, Scene(), s_t0, s_t0.AddSeconds(2), false));
        Assert.Equal(FrameDecision.Analyse, Decide(Scene(), Scene(), options: new FrameSkipOptions { Enabled = false }));
    }

    [Fact]
    public void ASessionNeverLookedAtOrNotForTheBoundIsOverdueEvenWithSkippingOff()
    {
        var off = new FrameSkipOptions { Enabled = false };
        var bound = s_options.MaxInterval.TotalSeconds;
        Assert.Equal(FrameDecision.Overdue, FrameSkipPolicy.Decide(s_options, Scene(), Scene(), lastAnalysedAt: null, s_t0, false));
        Assert.Equal(FrameDecision.Overdue, FrameSkipPolicy.Decide(off, frame: null, lastAnalysed: null, lastAnalysedAt: null, s_t0, conditionPending: true));
        Assert.Equal(FrameDecision.Analyse, Decide(Scene(offset: 12), Scene(), secondsSinceAnalysis: bound - 0.001, options: off));
        Assert.Equal(FrameDecision.Overdue, Decide(Scene(offset: 12), Scene(), secondsSinceAnalysis: bound, options: off));
        Assert.Equal(FrameDecision.Overdue, Decide(Scene(), Scene(), secondsSinceAnalysis: bound, pending: true));
    }

    [Fact]
    public void ACameraConditionBeingTimedOrOpenIsPendingAndABrowserOneIsNot()
    {
        var state = new ProctoringState();
        Assert.False(FrameSkipPolicy.ConditionPending(new ConditionTrackers(), state));
        Assert.True(FrameSkipPolicy.ConditionPending(new ConditionTrackers { NoFaceSince = s_t0 }, state));
        Assert.True(FrameSkipPolicy.ConditionPending(new ConditionTrackers { LookingAwaySince = s_t0 }, state));
        Assert.True(FrameSkipPolicy.ConditionPending(new ConditionTrackers { MultipleFaceFrames = 1 }, state));
        Assert.True(FrameSkipPolicy.ConditionPending(new ConditionTrackers { ObjectFrames = 1 }, state));

        state.Anomalies.Add(new AnomalyRecord { Type = AnomalyType.TabHidden, StartedAt = s_t0 });
        Assert.False(FrameSkipPolicy.ConditionPending(new ConditionTrackers(), state));

        // After a reactivation the trackers are empty but an open camera anomaly still needs every frame to end.
        state.Anomalies.Add(new AnomalyRecord { Type = AnomalyType.NoFace, StartedAt = s_t0 });
        Assert.True(FrameSkipPolicy.ConditionPending(new ConditionTrackers(), state));
        state.Anomalies[^1].EndedAt = s_t0.AddSeconds(9);
        Assert.False(FrameSkipPolicy.ConditionPending(new ConditionTrackers(), state));
    }

    [Fact]
    public void OnlyAFrameTheModelLookedAtBecomesTheReference()
    {
        var gate = new FrameSkipGate(s_options);
        FrameAnalysis Result(CheckStatus face) => new(320, 240, [], [], face, CheckStatus.Unavailable);

        // The first frame is analysed, as overdue; a shed one (over capacity) is no reference and no look, so the next
        // is overdue too.
        Assert.Equal(FrameDecision.Overdue, gate.Admit(Scene(), s_t0, false));
        gate.Recorded(Result(CheckStatus.Skipped), s_t0);
        Assert.Equal(FrameDecision.Overdue, gate.Admit(Scene(), s_t0.AddSeconds(2), false));
        gate.Recorded(Result(CheckStatus.Ok), s_t0.AddSeconds(2));

        // Then near-identical frames are skipped until the bound, counted from that analysis, forces one.
        Assert.Equal(FrameDecision.Unchanged, gate.Admit(Noisy(Scene()), s_t0.AddSeconds(4), false));
        gate.Recorded(Result(CheckStatus.Unchanged), s_t0.AddSeconds(4));
        Assert.Equal(FrameDecision.Unchanged, gate.Admit(Scene(), s_t0.AddSeconds(10), false));
        Assert.Equal(FrameDecision.Overdue, gate.Admit(Scene(), s_t0.AddSeconds(12), false));
        gate.Recorded(Result(CheckStatus.Ok), s_t0.AddSeconds(12));
    }

    [Fact]
    public void AMovingPictureWhoseFramesAreShedBecomesOverdueAtTheBound()
    {
        var gate = new FrameSkipGate(s_options);
        FrameAnalysis Result(CheckStatus face) => new(320, 240, [], [], face, CheckStatus.Unavailable);
        Assert.Equal(FrameDecision.Overdue, gate.Admit(Scene(), s_t0, false));
        gate.Recorded(Result(CheckStatus.Ok), s_t0);

        // Every later frame changed and was shed: routine until the last look is as old as the bound, then overdue.
        var bound = s_options.MaxInterval.TotalSeconds;
        for (var at = 2.0; at < bound; at += 2)
        {
            Assert.Equal(FrameDecision.Analyse, gate.Admit(Scene(offset: (int)at * 10), s_t0.AddSeconds(at), false));
            gate.Recorded(Result(CheckStatus.Skipped), s_t0.AddSeconds(at));
        }

        Assert.Equal(FrameDecision.Overdue, gate.Admit(Scene(offset: 120), s_t0.AddSeconds(bound), false));
        gate.Recorded(Result(CheckStatus.Ok), s_t0.AddSeconds(bound));
        Assert.Equal(FrameDecision.Analyse, gate.Admit(Scene(offset: 140), s_t0.AddSeconds(bound + 2), false));
    }
}
