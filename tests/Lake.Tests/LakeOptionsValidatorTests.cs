namespace ProctorWise.Lake.Tests;

/// <summary>Lake settings that cannot work are refused at start with the key that holds them.</summary>
public sealed class LakeOptionsValidatorTests
{
    private static string Failure(LakeOptions options)
    {
        var result = new LakeOptionsValidator().Validate(null, options);
        Assert.True(result.Failed, "the options were accepted");
        return result.FailureMessage;
    }

    [Fact]
    public void TheDefaultsAreAccepted() => Assert.True(new LakeOptionsValidator().Validate(null, new LakeOptions()).Succeeded);

    [Fact]
    public void AWebHdfsLakeWithAUrlIsAccepted() =>
        Assert.True(new LakeOptionsValidator().Validate(null, new LakeOptions { Provider = LakeProvider.WebHdfs, WebHdfs = { Url = "http://namenode:9870" } }).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(LakeOptionsValidator.MaxBatchSize + 1)]
    public void ABatchSizeOutOfRangeIsRefusedWithTheKey(int size) =>
        Assert.StartsWith($"Lake:BatchSize is {size}", Failure(new LakeOptions { BatchSize = size }), StringComparison.Ordinal);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.5000000")]
    [InlineData("02:00:00")]
    public void AFlushIntervalOutOfRangeIsRefusedWithTheKey(string interval) =>
        Assert.StartsWith($"Lake:FlushInterval is {interval}", Failure(new LakeOptions { FlushInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }), StringComparison.Ordinal);

    [Fact]
    public void ALocalLakeNeedsAFolder() =>
        Assert.StartsWith("Lake:Path is empty", Failure(new LakeOptions { Path = " " }), StringComparison.Ordinal);

    [Theory]
    [InlineData(null, "Lake:WebHdfs:Url is empty")]
    [InlineData("namenode:9870", "Lake:WebHdfs:Url is 'namenode:9870'")]
    [InlineData("ftp://namenode", "Lake:WebHdfs:Url is 'ftp://namenode'")]
    [InlineData("http://namenode:9870/?user.name=x", "Lake:WebHdfs:Url is 'http://namenode:9870/?user.name=x'")]
    public void AWebHdfsLakeNeedsAnHttpAddress(string? url, string expected) =>
        Assert.StartsWith(expected, Failure(new LakeOptions { Provider = LakeProvider.WebHdfs, WebHdfs = { Url = url } }), StringComparison.Ordinal);

    [Fact]
    public void AWebHdfsLakeNeedsAUserATimeoutAndAnAbsoluteRoot()
    {
        var message = Failure(new LakeOptions { Provider = LakeProvider.WebHdfs, Root = "lake/../x", WebHdfs = { Url = "http://nn:9870", User = "", Timeout = TimeSpan.Zero } });

        Assert.Contains("Lake:WebHdfs:User is empty", message, StringComparison.Ordinal);
        Assert.Contains("Lake:WebHdfs:Timeout is 00:00:00", message, StringComparison.Ordinal);
        Assert.Contains("Lake:Root is 'lake/../x'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARootThatClimbsUpIsRefused() =>
        Assert.StartsWith("Lake:Root is '/lake/../etc'", Failure(new LakeOptions { Provider = LakeProvider.WebHdfs, Root = "/lake/../etc", WebHdfs = { Url = "http://nn:9870" } }), StringComparison.Ordinal);
}
