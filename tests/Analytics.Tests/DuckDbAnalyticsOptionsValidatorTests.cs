using ProctorWise.Analytics.DuckDb;

namespace ProctorWise.Analytics.Tests;

/// <summary>The DuckDB options are checked at start-up, each failure naming its key.</summary>
public sealed class DuckDbAnalyticsOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.True(new DuckDbAnalyticsOptionsValidator().Validate(null, new DuckDbAnalyticsOptions()).Succeeded);
    }

    [Theory]
    [InlineData("lots", null, null, 1, "Analytics:DuckDb:MemoryLimit")]
    [InlineData("1GB", 0, null, 1, "Analytics:DuckDb:Threads")]
    [InlineData("1GB", null, "/tmp/it's", 1, "Analytics:DuckDb:TempDirectory")]
    [InlineData("1GB", null, null, 0, "Analytics:DuckDb:MaxConcurrentRuns")]
    public void ABadValueIsRefusedNamingItsKey(string memory, int? threads, string? temp, int runs, string key)
    {
        var options = new DuckDbAnalyticsOptions { MemoryLimit = memory, Threads = threads, TempDirectory = temp, MaxConcurrentRuns = runs };

        var result = new DuckDbAnalyticsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(key + " is ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
