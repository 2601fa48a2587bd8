using System.Diagnostics;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>The workers' queue: overdue frames first, each lane in order, deadlines enforced when a frame is taken.</summary>
public sealed class FrameQueueTests
{
    private static readonly long s_later = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3600);

    [Fact]
    public void OverdueFramesAreTakenFirstAndEachLaneInOrder()
    {
        using var queue = new FrameQueue<string>();
        Assert.True(queue.TryAdd("r1", FrameUrgency.Routine, s_later));
        Assert.True(queue.TryAdd("o1", FrameUrgency.Overdue, s_later));
        Assert.True(queue.TryAdd("r2", FrameUrgency.Routine, s_later));
        Assert.True(queue.TryAdd("o2", FrameUrgency.Overdue, s_later));

        Assert.Equal(["o1", "o2", "r1", "r2"], TakeAll(queue, 4));
    }

    [Fact]
    public void AFrameTakenAfterItsDeadlineComesOutExpired()
    {
        using var queue = new FrameQueue<string>();
        Assert.True(queue.TryAdd("late", FrameUrgency.Routine, Stopwatch.GetTimestamp() - 1));
        Assert.True(queue.TryAdd("in time", FrameUrgency.Routine, s_later));

        Assert.True(queue.TryTake(out var first, out var firstExpired));
        Assert.True(queue.TryTake(out var second, out var secondExpired));
        Assert.Equal(("late", true), (first, firstExpired));
        Assert.Equal(("in time", false), (second, secondExpired));
    }

    [Fact]
    public async Task CompletingLetsEveryWorkerDrainWhatIsQueuedThenStop()
    {
        using var queue = new FrameQueue<int>();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(queue.TryAdd(i, i % 2 == 0 ? FrameUrgency.Routine : FrameUrgency.Overdue, s_later));
        }

        queue.Complete(takers: 3);
        Assert.False(queue.TryAdd(99, FrameUrgency.Overdue, s_later));

        var taken = new System.Collections.Concurrent.ConcurrentBag<int>();
        var workers = Enumerable.Range(0, 3).Select(worker => Task.Run(() =>
        {
            while (queue.TryTake(out var item, out _))
            {
                taken.Add(item);
            }
        }));

        // Every worker returns (none is left waiting), and every frame was taken exactly once.
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 10), taken.Order());
    }

    private static List<string> TakeAll(FrameQueue<string> queue, int count)
    {
        var taken = new List<string>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(queue.TryTake(out var item, out var expired));
            Assert.False(expired);
            taken.Add(item);
        }

        return taken;
    }
}
