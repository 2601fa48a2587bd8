using ProctorWise.Deployment.Tests.Tooling;

namespace ProctorWise.Deployment.Tests;

/// <summary>The deployment YAML passes yamllint in strict mode with the repository's .yamllint.yaml.</summary>
public sealed class YamlLintTests
{
    [Fact]
    public void TheDeploymentYamlIsClean()
    {
        // A clean run prints nothing; any warning or error fails (exit code) with yamllint's report.
        var output = ExternalTool.Run("yamllint", "--strict", "--format", "parsable", "-c", ".yamllint.yaml", "docker-compose.yml", "docker-compose.prod.yml", "k8s");
        Assert.Equal("", output.Trim());
    }
}
