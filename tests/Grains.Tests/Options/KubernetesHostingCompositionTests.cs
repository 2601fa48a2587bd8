using Microsoft.Extensions.Hosting;
using ProctorWise.Hosting.Silo;

namespace ProctorWise.Grains.Tests.Options;

/// <summary>The silo composition adds Orleans' Kubernetes hosting exactly when <c>Orleans:Kubernetes:Enabled</c> is true.</summary>
public sealed class KubernetesHostingCompositionTests
{
    [Fact]
    public void EnabledAddsTheKubernetesAgentToTheSilo()
    {
        Assert.True(HasKubernetesAgent("true"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void OffByDefaultAndWhenFalse(string? enabled)
    {
        Assert.False(HasKubernetesAgent(enabled));
    }

    private static bool HasKubernetesAgent(string? enabled)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:MariaDb"] = "Server=db;Database=proctorwise;User ID=pw;Password=x";
        builder.Configuration["Orleans:Kubernetes:Enabled"] = enabled;
        builder.AddProctorWiseSilo();
        return builder.Services.Any(d => d.ImplementationType?.FullName == "Orleans.Hosting.Kubernetes.KubernetesClusterAgent");
    }
}
