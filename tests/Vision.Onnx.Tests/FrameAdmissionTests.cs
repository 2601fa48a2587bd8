using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>The admission rule: a frame waits only while its expected wait is within the bound of its urgency.</summary>
public sealed class FrameAdmissionTests
{
    [Fact]
    public void FramesAreAdmittedWhileTheirExpectedWaitIsWithinTheBound()
    {
        // Two workers, 20 ms assumed per analysis, 100 ms allowed: the n-th frame in flight waits (n - 1) × 10 ms.
        var admission = new FrameAdmission(workers: 2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        var admitted = 0;
        while (admission.TryAdmit(FrameUrgency.Routine))
        {
            admitted++;
        }

        // 0 and 1 go straight to a worker; the 12th (11 ahead) would wait 100 ms, the 13th 110 ms.
        Assert.Equal(12, admitted);
        Assert.Equal(TimeSpan.FromMilliseconds(100), admission.ExpectedWait(11));
        Assert.Equal(TimeSpan.FromMilliseconds(110), admission.ExpectedWait(12));
    }

    [Fact]
    public void ZeroWaitAdmitsOneFramePerWorker()
    {
        var admission = new FrameAdmission(workers: 3, TimeSpan.Zero, TimeSpan.Zero);
        Assert.True(admission.TryAdmit(FrameUrgency.Routine));
        Assert.True(admission.TryAdmit(FrameUrgency.Routine));
        Assert.True(admission.TryAdmit(FrameUrgency.Routine));
        Assert.False(admission.TryAdmit(FrameUrgency.Routine));

        admission.Completed(FrameUrgency.Routine, TimeSpan.FromMilliseconds(5));
        Assert.True(admission.TryAdmit(FrameUrgency.Routine));
    }

    [Fact]
    public void SlowAnalysesShrinkTheQueueAndFastOnesGrowIt()
    {
        var admission = new FrameAdmission(workers: 1, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
        Assert.Equal(11, Fill(admission));
        Drain(admission, TimeSpan.FromMilliseconds(100), times: 200);
        // Starved workers (100 ms per frame): 2 fit now.
        Assert.InRange(admission.MeanAnalysis.TotalMilliseconds, 99, 100);
        Assert.Equal(3, Fill(admission));
        Drain(admission, TimeSpan.FromMilliseconds(10), times: 1000);
        Assert.Equal(21, Fill(admission));
    }

    [Fact]
    public void OverdueFramesWaitOnlyBehindOverdueOnesAndForLonger()
    {
        // Two workers, 20 ms assumed per analysis: each frame ahead beyond the workers adds 10 ms. Routine frames wait
        // behind every frame, up to 100 ms (12 in flight); overdue frames are taken first, so they wait behind overdue
        // frames only, up to 300 ms (32 of them), however many routine frames are queued.
        var admission = new FrameAdmission(workers: 2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        Assert.Equal(12, AdmitAll(admission, FrameUrgency.Routine));
        Assert.Equal(32, AdmitAll(admission, FrameUrgency.Overdue));
        Assert.Equal((44, 32), (admission.InFlight, admission.OverdueInFlight));
        Assert.False(admission.TryAdmit(FrameUrgency.Routine));

        for (var i = 0; i < 32; i++)
        {
            admission.Completed(FrameUrgency.Overdue, null);
        }

        // The routine lane is as full as before; one routine frame leaving makes room for one more.
        Assert.Equal((12, 0), (admission.InFlight, admission.OverdueInFlight));
        Assert.False(admission.TryAdmit(FrameUrgency.Routine));
        admission.Completed(FrameUrgency.Routine, null);
        Assert.True(admission.TryAdmit(FrameUrgency.Routine));
        Assert.True(admission.TryAdmit(FrameUrgency.Overdue));
    }

    [Fact]
    public void AnOverdueBoundBelowTheRoutineOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameAdmission(workers: 1, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(400)));

    [Fact]
    public void TheHardCapHoldsWhateverTheMeanSays()
    {
        var admission = new FrameAdmission(workers: 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), framesPerWorkerCap: 4);
        Drain(admission, TimeSpan.FromTicks(1), times: 500);
        Assert.Equal(8, Fill(admission));
        Assert.Equal(8, Fill(admission, FrameUrgency.Overdue));
    }

    [Fact]
    public void AFrameThatNeverReachedTheModelFreesItsPlaceWithoutMovingTheMean()
    {
        var admission = new FrameAdmission(workers: 1, TimeSpan.Zero, TimeSpan.Zero);
        Assert.True(admission.TryAdmit(FrameUrgency.Routine));
        admission.Completed(FrameUrgency.Routine, null);
        Assert.Equal(0, admission.InFlight);
        Assert.Equal(FrameAdmission.InitialMean, admission.MeanAnalysis);
    }

    private static int Fill(FrameAdmission admission, FrameUrgency urgency = FrameUrgency.Routine)
    {
        var admitted = 0;
        while (admission.TryAdmit(urgency))
        {
            admitted++;
        }

        // Leave it empty again, without touching the mean.
        for (var i = 0; i < admitted; i++)
        {
            admission.Completed(urgency, null);
        }

        return admitted;
    }

    private static int AdmitAll(FrameAdmission admission, FrameUrgency urgency)
    {
        var admitted = 0;
        while (admission.TryAdmit(urgency))
        {
            admitted++;
        }

        return admitted;
    }

    private static void Drain(FrameAdmission admission, TimeSpan took, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(admission.TryAdmit(FrameUrgency.Routine));
            admission.Completed(FrameUrgency.Routine, took);
        }
    }
}
