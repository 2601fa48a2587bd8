using ProctorWise.Grains.Sessions;

namespace ProctorWise.Grains.Tests.Domain.Proctoring;

/// <summary>The in-memory latest frame behind the proctor's camera tiles: versions, revalidation, forgetting.</summary>
public sealed class LatestFrameTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NothingIsHeldUntilAFrameArrives()
    {
        Assert.Null(new LatestFrame().Read(null));
    }

    [Fact]
    public void TheBytesAreLeftOutOnlyForTheVersionTheCallerHas()
    {
        var holder = new LatestFrame();
        byte[] first = [1, 2, 3];
        byte[] second = [4, 5];
        holder.Keep(first, s_t0);

        var read = holder.Read(null)!;
        Assert.Same(first, read.Jpeg);
        Assert.Equal(s_t0, read.CapturedAt);
        Assert.Null(holder.Read(s_t0)!.Jpeg);
        Assert.Same(first, holder.Read(s_t0.AddSeconds(-2))!.Jpeg);

        holder.Keep(second, s_t0.AddSeconds(2));
        Assert.Same(second, holder.Read(s_t0)!.Jpeg);
        Assert.Equal(s_t0.AddSeconds(2), holder.Read(s_t0)!.CapturedAt);
    }

    [Fact]
    public void AFrameAtTheSameInstantStillGetsANewVersion()
    {
        var holder = new LatestFrame();
        holder.Keep([1], s_t0);
        holder.Keep([2], s_t0);

        var read = holder.Read(s_t0)!;
        Assert.NotNull(read.Jpeg);
        Assert.Equal(s_t0.AddTicks(1), read.CapturedAt);
    }

    [Fact]
    public void AForgottenFrameIsGone()
    {
        var holder = new LatestFrame();
        holder.Keep([1], s_t0);
        holder.Forget();
        Assert.Null(holder.Read(null));
    }
}
