using YamlDotNet.RepresentationModel;

namespace ProctorWise.Deployment.Tests.Tooling;

/// <summary>One rendered Kubernetes object: its kind, name and document.</summary>
internal sealed record KubernetesResource(string Kind, string Name, YamlMappingNode Document)
{
    /// <summary>The pod template of a workload (Deployment, StatefulSet, Job, CronJob), or null for other kinds.</summary>
    public YamlNode? PodTemplate => Kind switch
    {
        "Deployment" or "StatefulSet" or "Job" => Document.At("spec", "template"),
        "CronJob" => Document.At("spec", "jobTemplate", "spec", "template"),
        _ => null,
    };

    /// <summary>Whether the workload runs for good (probes apply) rather than to completion (a Job's pod).</summary>
    public bool IsLongRunning => Kind is "Deployment" or "StatefulSet";

    /// <summary>The containers and init containers of the pod template.</summary>
    public IReadOnlyList<YamlNode> Containers =>
        [.. PodTemplate.Items("spec", "containers"), .. PodTemplate.Items("spec", "initContainers")];

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}/{Name}";
}
