namespace ProctorWise.SparkConnect.Tests;

/// <summary>The standard <c>sc://</c> connection string.</summary>
public sealed class SparkConnectConnectionStringTests
{
    [Fact]
    public void EveryParameterIsRead()
    {
        var parsed = SparkConnectConnectionString.Parse("sc://spark.example:443/;token=abc%3D;use_ssl=true;user_id=pw;session_id=6f1c1a7e-0a52-4c8e-9a55-0b8a1f1e2d3c");
        Assert.Equal("spark.example", parsed.Host);
        Assert.Equal(443, parsed.Port);
        Assert.Equal("abc=", parsed.Token);
        Assert.True(parsed.UseSsl);
        Assert.Equal("pw", parsed.UserId);
        Assert.Equal(Guid.Parse("6f1c1a7e-0a52-4c8e-9a55-0b8a1f1e2d3c"), parsed.SessionId);
        Assert.Equal(new Uri("https://spark.example:443"), parsed.Endpoint);
        Assert.DoesNotContain("abc", parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PortDefaultsTo15002AndPlaintext()
    {
        var parsed = SparkConnectConnectionString.Parse("sc://spark");
        Assert.Equal(15002, parsed.Port);
        Assert.False(parsed.UseSsl);
        Assert.Equal(new Uri("http://spark:15002"), parsed.Endpoint);
    }

    [Fact]
    public void ATokenImpliesTlsUnlessTurnedOff()
    {
        Assert.True(SparkConnectConnectionString.Parse("sc://spark:15002/;token=t").UseSsl);
        Assert.False(SparkConnectConnectionString.Parse("sc://spark:15002/;token=t;use_ssl=false").UseSsl);
    }

    [Theory]
    [InlineData("http://spark:15002", "starts with sc://")]
    [InlineData("sc://spark:15002/;tokn=x", "'tokn' is unknown")]
    [InlineData("sc://spark:99999", "not a port number")]
    [InlineData("sc://:15002", "no host")]
    [InlineData("sc://spark/;use_ssl=yes", "true or false")]
    [InlineData("sc://spark;token=x", "follow a '/'")]
    public void AMalformedStringSaysWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SparkConnectConnectionString.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
