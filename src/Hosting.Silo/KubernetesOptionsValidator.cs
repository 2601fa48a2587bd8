using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Refuses Kubernetes hosting settings that would start a silo that cannot work, naming the key: hosting without a
/// membership table, or cluster ids that differ from the ones Orleans' Kubernetes agent reads from its own
/// environment variables (the agent selects the cluster's pods by those ids: silos that disagree on them take
/// each other for defunct).
/// </summary>
public sealed class KubernetesOptionsValidator : IValidateOptions<KubernetesOptions>
{
    /// <summary>The variable Orleans' Kubernetes hosting reads the service id from, over any other setting.</summary>
    public const string ServiceIdVariable = "ORLEANS_SERVICE_ID";

    /// <summary>The variable Orleans' Kubernetes hosting reads the cluster id from, over any other setting.</summary>
    public const string ClusterIdVariable = "ORLEANS_CLUSTER_ID";

    private readonly HostingOptions _hosting;
    private readonly Func<string, string?> _environment;

    /// <summary>Validates against the host's <see cref="HostingOptions"/> and this process's environment.</summary>
    public KubernetesOptionsValidator(IOptions<HostingOptions> hosting)
        : this(hosting.Value, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Validates against the given hosting options and environment (tests).</summary>
    public KubernetesOptionsValidator(HostingOptions hosting, Func<string, string?> environment)
    {
        _hosting = hosting;
        _environment = environment;
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, KubernetesOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAgents < 1)
        {
            failures.Add($"{KubernetesOptions.Section}:MaxAgents is {options.MaxAgents}; at least one silo must watch the pods.");
        }

        if (options.Enabled)
        {
            if (_hosting.Storage != StorageProvider.MariaDb)
            {
                failures.Add($"{KubernetesOptions.Section}:Enabled is true but {HostingOptions.MariaDbConnectionStringKey} is not set: "
                    + "Kubernetes hosting is not a membership provider, silos in pods find each other in the MariaDB membership table.");
            }

            Same(ServiceIdVariable, HostingOptions.ServiceIdKey, _hosting.ServiceId, failures);
            Same(ClusterIdVariable, HostingOptions.ClusterIdKey, _hosting.ClusterId, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Same(string variable, string key, string configured, List<string> failures)
    {
        if (_environment(variable) is { Length: > 0 } value && !string.Equals(value, configured, StringComparison.Ordinal))
        {
            failures.Add($"{variable} is '{value}' but {key} is '{configured}': Orleans' Kubernetes hosting would use the first and this host the second. "
                + $"Set only {key} (the manifests take it from the pod's label).");
        }
    }
}
