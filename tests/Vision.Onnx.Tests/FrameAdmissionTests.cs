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

        admission.Completed(TimeSpan.FromMilliseconds(5));
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
    public void OverdueFramesQueueBeyondTheRoutineBoundAndRoutineOnesAreShedBehindThem()
    {
        // Two workers, 20 ms assumed per analysis: routine frames up to 100 ms of expected wait (12 in flight), overdue
        // ones up to 300 ms (32 in flight).
        var admission = new FrameAdmission(workers: 2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        var routine = 0;
        while (admission.TryAdmit(FrameUrgency.Routine))
        {
            routine++;
        }

        var overdue = 0;
        while (admission.TryAdmit(FrameUrgency.Overdue))
        {
            overdue++;
        }

        Assert.Equal((12, 20), (routine, overdue));
        Assert.False(admission.TryAdmit(FrameUrgency.Routine));

        // As the queue drains below the routine bound, routine frames are admitted again.
        for (var i = 0; i < 21; i++)
        {
            admission.Completed(null);
        }

        Assert.True(admission.TryAdmit(FrameUrgency.Routine));
        Assert.False(admission.TryAdmit(FrameUrgency.Routine));
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
        admission.Completed(null);
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
            admission.Completed(null);
        }

        return admitted;
    }

    private static void Drain(FrameAdmission admission, TimeSpan took, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(admission.TryAdmit(FrameUrgency.Routine));
            admission.Completed(took);
        }
    }
}
