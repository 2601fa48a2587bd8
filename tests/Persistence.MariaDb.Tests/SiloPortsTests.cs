using System.Globalization;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>A second silo started on ports already in use refuses to start and says which key to change.</summary>
[Trait("Category", "Integration")]
public sealed class SiloPortsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Keys => ["Orleans:Endpoints:SiloPort", "Orleans:Endpoints:GatewayPort", SiloWebHostExtensions.HttpPortKey];

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task ASecondSiloOnAPortInUseExitsNamingThePortAndItsKey(string key)
    {
        // Localhost clustering in memory: the first silo needs no database, only its ports.
        var first = Settings();
        using var running = SiloProcess.Start(first);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{first[SiloWebHostExtensions.HttpPortKey]}") };
        await SiloHttp.UntilAsync(http, "/health/ready", running);

        var second = Settings();
        second[key] = first[key];
        using var refused = SiloProcess.Start(second);
        var exit = await refused.WaitForExitAsync(Cancel);

        Assert.NotEqual(0, exit);
        Assert.Contains($"Port {first[key]} ({key}) is already in use", refused.Output, StringComparison.Ordinal);
        Assert.False(running.HasExited, "The first silo stopped:" + Environment.NewLine + running.Output);
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Orleans:ClusterId"] = "ports-" + Guid.NewGuid().ToString("N")[..8],
        ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        [SiloWebHostExtensions.HttpPortKey] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Demo:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
