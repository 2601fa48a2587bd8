using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>A bad setting stops each kind of host at start, with a message naming the key.</summary>
public sealed class OptionsStartupTests
{
    [Theory]
    [InlineData("Vision:Workers", "0")]
    [InlineData("Sessions:DeadlineReminderPeriod", "00:00:10")]
    [InlineData("Notifications:ReminderCheckInterval", "00:00:10")]
    [InlineData("Notifications:MailRetryCheckInterval", "00:00:10")]
    [InlineData("RateLimits:CredentialsPerMinute", "-1")]
    [InlineData("LoginThrottle:MaxFailures", "0")]
    [InlineData("Streams:PollInterval", "00:00:00")]
    [InlineData("Reminders:MinimumReminderPeriod", "-00:00:01")]
    [InlineData("Bootstrap:AdminPassword", "short")]
    [InlineData("Orleans:Endpoints:SiloPort", "0")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "not-an-address")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33")]
    public void TheEmbeddedApiRefusesToStart(string key, string value)
    {
        using var factory = new BadSettingFactory(key, value);
        AssertNamesKey(Assert.ThrowsAny<Exception>(factory.StartServer), key);
    }

    [Theory]
    [InlineData("Analytics:Engine", "Hadoop")]
    [InlineData("Analytics:SparkConnect:ConnectionString", "")]
    public void TheSparkConnectEngineNeedsAKnownEngineAndAServer(string key, string value)
    {
        using var factory = new BadSettingFactory(key, value, ("Analytics:Engine", key == "Analytics:Engine" ? value : "SparkConnect"));
        AssertNamesKey(Assert.ThrowsAny<Exception>(factory.StartServer), key);
    }

    [Fact]
    public void ALakeOnHdfsStopsTheEmbeddedEngine()
    {
        // DuckDB reads local files only: the start names both ways out.
        using var factory = new BadSettingFactory("Lake:Provider", "WebHdfs", ("Lake:WebHdfs:Url", "http://127.0.0.1:9/webhdfs/v1"));
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        AssertNamesKey(error, "Lake:Provider");
        AssertNamesKey(error, "Analytics:Engine=SparkConnect");
    }

    [Fact]
    public void ALakeOnHdfsWithSparkNeedsTheLakeRootSparkReads()
    {
        using var factory = new BadSettingFactory("Lake:Provider", "WebHdfs", ("Lake:WebHdfs:Url", "http://127.0.0.1:9/webhdfs/v1"),
            ("Analytics:Engine", "SparkConnect"), ("Analytics:SparkConnect:ConnectionString", "sc://127.0.0.1:9/"));
        AssertNamesKey(Assert.ThrowsAny<Exception>(factory.StartServer), "Analytics:SparkConnect:LakeRoot");
    }

    [Fact]
    public void TheApiAsAClientOfAClusterRefusesToStart()
    {
        // Validation runs before the client looks for a gateway, so no silo is needed.
        using var factory = new BadSettingFactory("RateLimits:CredentialsPerMinute", "0", ("Orleans:Hosting", "Client"));
        AssertNamesKey(Assert.ThrowsAny<Exception>(factory.StartServer), "RateLimits:CredentialsPerMinute");
    }

    [Fact]
    public async Task ASiloOnlyHostRefusesToStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "bad-options-" + Guid.NewGuid().ToString("N"),
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Vision:Workers"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddProctorWiseSilo();
        using var silo = builder.Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => silo.StartAsync(TestContext.Current.CancellationToken));
        AssertNamesKey(error, "Vision:Workers");
    }

    [Theory]
    [InlineData("RateLimits:CredentialsPerMinute", "twenty")]
    [InlineData("ApiReference:Enabled", "sometimes")]
    [InlineData("Health:PublicDetails", "sometimes")]
    public void AnUnreadableValueNamesItsKeyToo(string key, string value)
    {
        // The binder's own message (not ours) covers values of the wrong type.
        using var factory = new BadSettingFactory(key, value);
        Assert.Contains(key, Assert.ThrowsAny<Exception>(factory.StartServer).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardedHeadersWithoutAListedProxyStopTheStart()
    {
        // The framework's switch alone trusts every sender's X-Forwarded-For.
        using var factory = new BadSettingFactory("ForwardedHeaders_Enabled", "true");
        AssertNamesKey(Assert.ThrowsAny<Exception>(factory.StartServer), "ForwardedHeaders:KnownProxies");
    }

    [Fact]
    public void TheTrustedProxyValidatorNamesTheKeys()
    {
        var off = new TrustedProxyOptionsValidator(new ConfigurationBuilder().Build());
        var on = new TrustedProxyOptionsValidator(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders_Enabled"] = "true" }).Build());
        Assert.True(off.Validate(null, new TrustedProxyOptions()).Succeeded);
        Assert.True(on.Validate(null, new TrustedProxyOptions { KnownProxies = ["10.0.0.5", "::1"], KnownNetworks = ["10.42.0.0/16"] }).Succeeded);
        Assert.Contains("ForwardedHeaders:KnownProxies and ForwardedHeaders:KnownNetworks are empty", on.Validate(null, new TrustedProxyOptions()).FailureMessage, StringComparison.Ordinal);
        var bad = off.Validate(null, new TrustedProxyOptions { KnownProxies = ["10.0.0.5", "proxy.local"], KnownNetworks = ["10.42.0.0"] }).FailureMessage;
        Assert.Contains("ForwardedHeaders:KnownProxies:1 is 'proxy.local'", bad, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownNetworks:0 is '10.42.0.0'", bad, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRateLimitValidatorNamesTheKey()
    {
        var validator = new RateLimitOptionsValidator();
        Assert.True(validator.Validate(null, new RateLimitOptions()).Succeeded);
        Assert.Contains("RateLimits:CredentialsPerMinute is 0; it must be at least 1.", validator.Validate(null, new RateLimitOptions { CredentialsPerMinute = 0 }).FailureMessage, StringComparison.Ordinal);
    }

    private static void AssertNamesKey(Exception error, string key)
    {
        var validation = Flatten(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"no OptionsValidationException was thrown: {error}");
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions : error.InnerException is { } one ? [one] : [];
        foreach (var nested in inner.SelectMany(Flatten))
        {
            yield return nested;
        }
    }

    private sealed class BadSettingFactory(string key, string value, params (string Key, string Value)[] more) : ApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings[key] = value;
            foreach (var (k, v) in more)
            {
                settings[k] = v;
            }

            return settings;
        }
    }
}
