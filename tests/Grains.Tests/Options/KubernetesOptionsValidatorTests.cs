using Microsoft.Extensions.Configuration;
using ProctorWise.Hosting;
using ProctorWise.Hosting.Silo;

namespace ProctorWise.Grains.Tests.Options;

/// <summary>Kubernetes hosting is refused, with the key, where it could only start a silo that cannot work.</summary>
public sealed class KubernetesOptionsValidatorTests
{
    private static readonly Func<string, string?> s_noEnvironment = _ => null;

    [Fact]
    public void TheDefaultsAreAcceptedWithoutADatabase()
    {
        var result = new KubernetesOptionsValidator(Hosting(mariaDb: false), s_noEnvironment).Validate(null, new KubernetesOptions());
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void EnabledOnMariaDbIsAccepted()
    {
        var result = new KubernetesOptionsValidator(Hosting(mariaDb: true), s_noEnvironment).Validate(null, new KubernetesOptions { Enabled = true });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void EnabledWithoutAMembershipTableIsRefusedWithBothKeys()
    {
        var result = new KubernetesOptionsValidator(Hosting(mariaDb: false), s_noEnvironment).Validate(null, new KubernetesOptions { Enabled = true });
        Assert.Contains("Orleans:Kubernetes:Enabled is true but ConnectionStrings:MariaDb is not set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWatchingSiloIsRefusedWithTheKey()
    {
        var result = new KubernetesOptionsValidator(Hosting(mariaDb: true), s_noEnvironment).Validate(null, new KubernetesOptions { MaxAgents = 0 });
        Assert.Contains("Orleans:Kubernetes:MaxAgents is 0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OrleansOwnIdVariablesThatDisagreeWithTheConfiguredIdsAreRefused()
    {
        var environment = new Dictionary<string, string?> { ["ORLEANS_SERVICE_ID"] = "other-service", ["ORLEANS_CLUSTER_ID"] = "proctorwise" };
        var validator = new KubernetesOptionsValidator(Hosting(mariaDb: true), v => environment.GetValueOrDefault(v));
        var result = validator.Validate(null, new KubernetesOptions { Enabled = true });
        Assert.Contains("ORLEANS_SERVICE_ID is 'other-service' but Orleans:ServiceId is 'proctorwise'", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("ORLEANS_CLUSTER_ID", result.FailureMessage, StringComparison.Ordinal);
    }

    private static HostingOptions Hosting(bool mariaDb)
    {
        var values = new Dictionary<string, string?>();
        if (mariaDb)
        {
            values[HostingOptions.MariaDbConnectionStringKey] = "Server=db;Database=proctorwise;User ID=pw;Password=x";
        }

        return HostingOptions.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
