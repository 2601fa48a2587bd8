using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Tests.Options;

/// <summary>Skip settings that would leave a frozen picture unchecked, or that cannot be met, are refused with their key.</summary>
public sealed class FrameSkipOptionsValidatorTests
{
    private static string? Failure(FrameSkipOptions options) => new FrameSkipOptionsValidator().Validate(null, options).FailureMessage;

    [Fact]
    public void TheDefaultsAreAccepted() => Assert.True(new FrameSkipOptionsValidator().Validate(null, new FrameSkipOptions()).Succeeded);

    [Theory]
    [InlineData(0.5, "Vision:Skip:MaxInterval is 00:00:00.5000000; it must be between 00:00:01 and 00:01:00.")]
    [InlineData(61, "Vision:Skip:MaxInterval is 00:01:01; it must be between 00:00:01 and 00:01:00.")]
    public void ABoundOutsideOneSecondToOneMinuteIsRefused(double seconds, string message) =>
        Assert.Contains(message, Failure(new FrameSkipOptions { MaxInterval = TimeSpan.FromSeconds(seconds) }), StringComparison.Ordinal);

    [Fact]
    public void ThresholdsOutOfTheirRangesAreRefusedWithTheirKeys()
    {
        var message = Failure(new FrameSkipOptions { MaxMeanDifference = -1, MaxChangedFraction = 1.5, ChangedCellLevel = 0 });
        Assert.Contains("Vision:Skip:MaxMeanDifference is -1", message, StringComparison.Ordinal);
        Assert.Contains("Vision:Skip:MaxChangedFraction is 1.5", message, StringComparison.Ordinal);
        Assert.Contains("Vision:Skip:ChangedCellLevel is 0", message, StringComparison.Ordinal);
    }
}
