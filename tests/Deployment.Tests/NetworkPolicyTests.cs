using ProctorWise.Deployment.Tests.Tooling;
using YamlDotNet.RepresentationModel;

namespace ProctorWise.Deployment.Tests;

/// <summary>
/// The NetworkPolicies admit exactly the peers docs/operations.md names: everything is refused by default; the silo
/// port only from silos; the gateway from silos and API pods; MariaDB from silos, API pods (the membership table),
/// the migrate Job and the backups; Spark Connect and Kafka only from silos.
/// </summary>
public sealed class NetworkPolicyTests
{
    public static TheoryData<string> Overlays => [.. RenderedOverlay.Names];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EverythingIsRefusedUnlessAllowed(string name)
    {
        var policies = Policies(name);
        Assert.Contains(policies, p => p.Document.Entries("spec", "podSelector").Count == 0
            && p.Document.Texts("spec", "policyTypes").Contains("Ingress") && p.Document.Items("spec", "ingress").Count == 0);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void ThePortsOfEachComponentAdmitOnlyTheirPeers(string name)
    {
        var policies = Policies(name);
        Assert.Equal(["proctorwise-silo"], Peers(policies, "proctorwise-silo", 11111));
        Assert.Equal(["proctorwise-api", "proctorwise-silo"], Peers(policies, "proctorwise-silo", 30000));
        Assert.Equal(["namespace:monitoring"], Peers(policies, "proctorwise-silo", 8080));
        Assert.Equal(["proctorwise-api", "proctorwise-db-backup", "proctorwise-migrate", "proctorwise-silo"], Peers(policies, "proctorwise-mariadb", 3306));
        Assert.Equal(["proctorwise-silo"], Peers(policies, "proctorwise-spark-connect", 15002));
        Assert.Equal(["namespace:ingress-nginx", "namespace:monitoring"], Peers(policies, "proctorwise-api", 8080));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryWorkloadThatListensIsCoveredByAPolicyOfItsOwn(string name)
    {
        var overlay = RenderedOverlay.Of(name);
        var covered = Policies(name).Select(p => p.Document.Text("spec", "podSelector", "matchLabels", "app.kubernetes.io/name")).ToHashSet(StringComparer.Ordinal);
        var listening = overlay.Workloads.Where(w => w.Containers.Any(c => c.Items("ports").Count > 0))
            .Select(w => w.PodTemplate.Text("metadata", "labels", "app.kubernetes.io/name")!);
        Assert.All(listening, label => Assert.Contains(label, covered));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void OnlySilosReachTheKafkaBrokers(string name)
    {
        var kafka = Assert.Single(RenderedOverlay.Of(name).Resources, r => r.Kind == "Kafka");
        var listeners = kafka.Document.Items("spec", "kafka", "listeners");
        Assert.NotEmpty(listeners);
        Assert.All(listeners, listener =>
        {
            var peer = Assert.Single(listener.Items("networkPolicyPeers"));
            Assert.Equal("proctorwise-silo", peer.Text("podSelector", "matchLabels", "app.kubernetes.io/name"));
            Assert.Equal("internal", listener.Text("type"));
        });
    }

    private static List<KubernetesResource> Policies(string name) =>
        [.. RenderedOverlay.Of(name).Resources.Where(r => r.Kind == "NetworkPolicy")];

    /// <summary>Who may reach a port of the pods with an <c>app.kubernetes.io/name</c>, over every policy that selects them.</summary>
    private static List<string> Peers(List<KubernetesResource> policies, string target, int port)
    {
        var peers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies.Where(p => p.Document.Text("spec", "podSelector", "matchLabels", "app.kubernetes.io/name") == target))
        {
            foreach (var rule in policy.Document.Items("spec", "ingress"))
            {
                var ports = rule.Items("ports");
                Assert.NotEmpty(ports); // A rule without ports would open every port.
                if (!ports.Any(p => p.Text("port") == port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    continue;
                }

                var from = rule.Items("from");
                Assert.NotEmpty(from); // A rule without peers would admit everyone.
                foreach (var peer in from)
                {
                    peers.Add(Describe(peer));
                }
            }
        }

        return [.. peers];
    }

    private static string Describe(YamlNode peer)
    {
        if (peer.At("podSelector") is { } pods && peer.At("namespaceSelector") is null)
        {
            return pods.Text("matchLabels", "app.kubernetes.io/name") ?? throw new Xunit.Sdk.XunitException("a peer selects pods by something else than app.kubernetes.io/name");
        }

        if (peer.At("namespaceSelector") is { } namespaces && peer.At("podSelector") is null)
        {
            return "namespace:" + (namespaces.Text("matchLabels", "kubernetes.io/metadata.name") ?? throw new Xunit.Sdk.XunitException("a namespace peer is not selected by name"));
        }

        throw new Xunit.Sdk.XunitException("a peer is neither a pod selector nor a namespace selector alone (ipBlock or a combination)");
    }
}
