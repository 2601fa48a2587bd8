namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>Vision settings that would disable a check or starve the silo are refused with the key that holds them.</summary>
public sealed class VisionOptionsValidatorTests
{
    private static string Failure(VisionOptions options)
    {
        var result = new VisionOptionsValidator().Validate(null, options);
        Assert.True(result.Failed, "the options were accepted");
        return result.FailureMessage;
    }

    [Fact]
    public void TheDefaultsAreAccepted() => Assert.True(new VisionOptionsValidator().Validate(null, new VisionOptions()).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(VisionOptionsValidator.MaxWorkers + 1)]
    public void WorkersOutOfRangeAreRefusedWithTheKey(int workers) =>
        Assert.Contains($"Vision:Workers is {workers}", Failure(new VisionOptions { Workers = workers }), StringComparison.Ordinal);

    [Theory]
    [InlineData(-1)]
    [InlineData(20)]
    public void ANiceValueOutOfRangeIsRefusedWithTheKey(int nice) =>
        Assert.Contains($"Vision:WorkerNice is {nice}", Failure(new VisionOptions { WorkerNice = nice }), StringComparison.Ordinal);

    [Fact]
    public void ScoresOutsideZeroToOneAreRefusedWithTheKey()
    {
        var message = Failure(new VisionOptions { FaceScoreThreshold = 0f, ObjectScoreThreshold = 1.5f, FaceIouThreshold = -0.1f });
        Assert.Contains("Vision:FaceScoreThreshold is 0", message, StringComparison.Ordinal);
        Assert.Contains("Vision:ObjectScoreThreshold is 1.5", message, StringComparison.Ordinal);
        Assert.Contains("Vision:FaceIouThreshold is -0.1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsAndPathsAreCheckedWithTheKey()
    {
        var message = Failure(new VisionOptions { MaxFaces = 0, MaxQueueWait = TimeSpan.FromSeconds(3), FaceModelPath = " " });
        Assert.Contains("Vision:MaxFaces is 0", message, StringComparison.Ordinal);
        Assert.Contains("Vision:MaxQueueWait is 00:00:03", message, StringComparison.Ordinal);
        Assert.Contains("Vision:FaceModelPath is empty", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOverdueWaitLiesBetweenTheRoutineWaitAndTheNextFrame()
    {
        Assert.Contains(
            "Vision:OverdueMaxQueueWait is 00:00:00.4000000; it must be between Vision:MaxQueueWait (00:00:00.5000000) and 00:00:02",
            Failure(new VisionOptions { OverdueMaxQueueWait = TimeSpan.FromMilliseconds(400) }),
            StringComparison.Ordinal);
        Assert.Contains("Vision:OverdueMaxQueueWait is 00:00:02.5000000", Failure(new VisionOptions { OverdueMaxQueueWait = TimeSpan.FromSeconds(2.5) }), StringComparison.Ordinal);
    }
}
