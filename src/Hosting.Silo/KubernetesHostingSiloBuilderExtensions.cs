using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting.Silo;

/// <summary>Turns on Orleans' Kubernetes hosting when <c>Orleans:Kubernetes:Enabled</c> is true (k8s/ sets it).</summary>
public static class KubernetesHostingSiloBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="KubernetesOptions"/> (checked at start) and, when enabled, Orleans' Kubernetes hosting:
    /// silo name and advertised address from <c>POD_NAME</c>/<c>POD_IP</c>, pod labels, and the agent that watches
    /// the cluster's pods. It needs a service account allowed to get, list, watch and patch pods
    /// (k8s/base/silo/rbac.yaml); it never deletes pods, so it is not granted that verb.
    /// </summary>
    public static ISiloBuilder UseProctorWiseKubernetesHosting(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(KubernetesOptions.Section);
        silo.Services.AddOptions<KubernetesOptions>().Bind(section).ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesOptions>, KubernetesOptionsValidator>());
        if (!bool.TryParse(section[nameof(KubernetesOptions.Enabled)], out var enabled) || !enabled)
        {
            // Off, or a value that is not a boolean: binding then fails at start with the key's name.
            return silo;
        }

        return silo.UseKubernetesHosting(hosting => hosting.Configure<IOptions<KubernetesOptions>>((o, ours) =>
        {
            o.MaxAgents = ours.Value.MaxAgents;
            o.DeleteDefunctSiloPods = false;
        }));
    }
}
