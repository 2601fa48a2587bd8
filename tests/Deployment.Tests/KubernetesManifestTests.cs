using System.Globalization;
using ProctorWise.Deployment.Tests.Tooling;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Deployment.Tests;

/// <summary>
/// Every overlay of k8s/, as <c>kubectl kustomize</c> renders it, keeps the promises docs/operations.md makes:
/// silos that agree on their cluster ids and drain before they are killed, probes and limits everywhere, no
/// moving image tag, no root, no secret value, Kafka topics the silos accept.
/// </summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => [.. RenderedOverlay.Names];

    [Fact]
    public void EveryOverlayFolderIsChecked()
    {
        var folders = Directory.GetDirectories(Path.Combine(TestSupport.RepositoryPaths.Root, "k8s", "overlays")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(RenderedOverlay.Names.Order(StringComparer.Ordinal), folders);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void SiloPodsCarryIdenticalOrleansLabelsAndReadTheirIdsFromThem(string name)
    {
        var overlay = RenderedOverlay.Of(name);
        var silo = overlay.Single("Deployment", "proctorwise-silo");
        var labels = silo.PodTemplate.Entries("metadata", "labels");
        var serviceId = labels.GetValueOrDefault("orleans/serviceId")?.Text();
        var clusterId = labels.GetValueOrDefault("orleans/clusterId")?.Text();
        Assert.False(string.IsNullOrEmpty(serviceId), "the silo pods have no orleans/serviceId label");
        Assert.False(string.IsNullOrEmpty(clusterId), "the silo pods have no orleans/clusterId label");

        // Every pod that carries the labels (so that Orleans' agent sees it) carries the same values.
        foreach (var workload in overlay.Workloads)
        {
            var other = workload.PodTemplate.Entries("metadata", "labels");
            if (other.ContainsKey("orleans/serviceId") || other.ContainsKey("orleans/clusterId"))
            {
                Assert.Equal(serviceId, other.GetValueOrDefault("orleans/serviceId")?.Text());
                Assert.Equal(clusterId, other.GetValueOrDefault("orleans/clusterId")?.Text());
            }
        }

        // Orleans patches these labels: a selector on them would orphan the pods it patched.
        Assert.DoesNotContain(silo.Document.Entries("spec", "selector", "matchLabels").Keys, k => k.StartsWith("orleans/", StringComparison.Ordinal));

        var container = Assert.Single(silo.Containers);
        Assert.Equal("metadata.labels['orleans/serviceId']", ContainerEnvironment.Entry(container, "Orleans__ServiceId").Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", ContainerEnvironment.Entry(container, "Orleans__ClusterId").Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.name", ContainerEnvironment.Entry(container, "POD_NAME").Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", ContainerEnvironment.Entry(container, "POD_NAMESPACE").Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", ContainerEnvironment.Entry(container, "POD_IP").Text("valueFrom", "fieldRef", "fieldPath"));
        var environment = ContainerEnvironment.Of(container, overlay);
        Assert.Equal("true", environment.GetValueOrDefault("Orleans__Kubernetes__Enabled"));
        Assert.DoesNotContain("ORLEANS_SERVICE_ID", environment.Keys);
        Assert.DoesNotContain("ORLEANS_CLUSTER_ID", environment.Keys);
        Assert.Equal("proctorwise-silo", silo.PodTemplate.Text("spec", "serviceAccountName"));

        // The API pods are clients of the same cluster: their ids come from a ConfigMap that must match.
        var api = Assert.Single(overlay.Single("Deployment", "proctorwise-api").Containers);
        var apiEnvironment = ContainerEnvironment.Of(api, overlay);
        Assert.Equal(serviceId, apiEnvironment.GetValueOrDefault("Orleans__ServiceId"));
        Assert.Equal(clusterId, apiEnvironment.GetValueOrDefault("Orleans__ClusterId"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void SilosRollOneAtATimeAndHaveTimeToDrain(string name)
    {
        var overlay = RenderedOverlay.Of(name);
        var silo = overlay.Single("Deployment", "proctorwise-silo");
        Assert.Equal("0", silo.Document.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Equal("1", silo.Document.Text("spec", "strategy", "rollingUpdate", "maxSurge"));
        Assert.True(Number(silo.Document.Text("spec", "minReadySeconds")) >= 30, "minReadySeconds lets a new silo settle before the next old one stops");

        var shutdown = Number(ContainerEnvironment.Of(Assert.Single(silo.Containers), overlay).GetValueOrDefault("DOTNET_SHUTDOWNTIMEOUTSECONDS"));
        var grace = Number(silo.PodTemplate.Text("spec", "terminationGracePeriodSeconds"));
        Assert.True(shutdown >= 60, $"DOTNET_SHUTDOWNTIMEOUTSECONDS is {shutdown}; a silo needs at least a minute to hand its grains and queues over");
        Assert.True(grace > shutdown, $"terminationGracePeriodSeconds ({grace}) must exceed DOTNET_SHUTDOWNTIMEOUTSECONDS ({shutdown}), or the kubelet kills a silo mid-drain");

        var budget = overlay.Single("PodDisruptionBudget", "proctorwise-silo");
        Assert.Equal("1", budget.Document.Text("spec", "maxUnavailable"));
        Assert.Equal("proctorwise-silo", budget.Document.Text("spec", "selector", "matchLabels", "app.kubernetes.io/name"));

        var autoscaler = overlay.Single("HorizontalPodAutoscaler", "proctorwise-silo");
        Assert.Equal("autoscaling/v2", autoscaler.Document.Text("apiVersion"));
        Assert.Equal("proctorwise-silo", autoscaler.Document.Text("spec", "scaleTargetRef", "name"));
        Assert.Contains(autoscaler.Document.Items("spec", "metrics"), m => m.Text("resource", "name") == "cpu");
        Assert.True(Number(autoscaler.Document.Text("spec", "minReplicas")) >= 2, "one silo alone is no cluster");
        var scaleDown = autoscaler.Document.At("spec", "behavior", "scaleDown");
        Assert.True(Number(scaleDown.Text("stabilizationWindowSeconds")) >= 300, "scale-in waits for load to stay low");
        var policy = Assert.Single(scaleDown.Items("policies"));
        Assert.Equal("Pods", policy.Text("type"));
        Assert.Equal("1", policy.Text("value"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryContainerHasResourcesAndEveryLongRunningOneHasProbes(string name)
    {
        var problems = new List<string>();
        foreach (var workload in RenderedOverlay.Of(name).Workloads)
        {
            foreach (var container in workload.Containers)
            {
                var where = $"{workload}/{container.Text("name")}";
                foreach (var kind in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        if (container.Text("resources", kind, resource) is null)
                        {
                            problems.Add($"{where}: no resources.{kind}.{resource}");
                        }
                    }
                }

                if (workload.IsLongRunning && (container.At("readinessProbe") is null || container.At("livenessProbe") is null))
                {
                    problems.Add($"{where}: needs a readiness and a liveness probe");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryImageIsPinnedToAVersion(string name)
    {
        var images = RenderedOverlay.Of(name).Workloads.SelectMany(w => w.Containers).Select(c => c.Text("image") ?? "").ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            var lastSegment = image[(image.LastIndexOf('/') + 1)..];
            Assert.True(image.Contains('@', StringComparison.Ordinal) || lastSegment.Contains(':', StringComparison.Ordinal), $"{image} has no tag: it would pull 'latest'");
            Assert.False(image.EndsWith(":latest", StringComparison.Ordinal), $"{image} uses the moving tag 'latest'");
        });
        if (name == "prod")
        {
            Assert.All(images.Where(i => i.StartsWith("proctorwise/", StringComparison.Ordinal)), image => Assert.Matches(@":\d+\.\d+\.\d+$", image));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void NoContainerRunsAsRootOrCanGainPrivileges(string name)
    {
        var problems = new List<string>();
        foreach (var workload in RenderedOverlay.Of(name).Workloads)
        {
            var pod = workload.PodTemplate.At("spec", "securityContext");
            var writableReason = workload.PodTemplate.Text("metadata", "annotations", "proctorwise.io/writable-root-filesystem");
            foreach (var container in workload.Containers)
            {
                var where = $"{workload}/{container.Text("name")}";
                var own = container.At("securityContext");
                if ((own.Text("runAsNonRoot") ?? pod.Text("runAsNonRoot")) != "true")
                {
                    problems.Add($"{where}: runAsNonRoot is not true");
                }

                if ((own.Text("runAsUser") ?? pod.Text("runAsUser")) is not { } user || user == "0")
                {
                    problems.Add($"{where}: no non-zero runAsUser (the image's user may be root)");
                }

                if (own.Text("allowPrivilegeEscalation") != "false")
                {
                    problems.Add($"{where}: allowPrivilegeEscalation is not false");
                }

                if (!own.Texts("capabilities", "drop").Contains("ALL"))
                {
                    problems.Add($"{where}: capabilities do not drop ALL");
                }

                if (own.Text("readOnlyRootFilesystem") != "true" && string.IsNullOrWhiteSpace(writableReason))
                {
                    problems.Add($"{where}: the root filesystem is writable without a proctorwise.io/writable-root-filesystem reason");
                }
            }

            if ((pod.Text("seccompProfile", "type") ?? "") != "RuntimeDefault")
            {
                problems.Add($"{workload}: no RuntimeDefault seccomp profile");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void NoSecretValueIsWrittenInTheManifests(string name)
    {
        var overlay = RenderedOverlay.Of(name);
        Assert.DoesNotContain(overlay.Resources, r => r.Kind == "Secret");
        var problems = new List<string>();
        foreach (var map in overlay.Resources.Where(r => r.Kind == "ConfigMap"))
        {
            problems.AddRange(map.Document.Entries("data").Keys.Where(LooksSecret).Select(k => $"ConfigMap/{map.Name} holds {k}"));
        }

        foreach (var workload in overlay.Workloads)
        {
            foreach (var entry in workload.Containers.SelectMany(c => c.Items("env")))
            {
                var variable = entry.Text("name")!;
                if (LooksSecret(variable) && entry.At("valueFrom", "secretKeyRef") is null)
                {
                    problems.Add($"{workload}: {variable} is not taken from a Secret");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void OnlyTheSilosTalkToTheKubernetesApiAndOnlyWithTheVerbsOrleansUses(string name)
    {
        var overlay = RenderedOverlay.Of(name);
        Assert.DoesNotContain(overlay.Resources, r => r.Kind is "ClusterRole" or "ClusterRoleBinding");
        var role = Assert.Single(overlay.Resources, r => r.Kind == "Role");
        var rule = Assert.Single(role.Document.Items("rules"));
        Assert.Equal([""], rule.Texts("apiGroups"));
        Assert.Equal(["pods"], rule.Texts("resources"));
        Assert.Equal(["get", "list", "patch", "watch"], rule.Texts("verbs").Order(StringComparer.Ordinal));

        var binding = Assert.Single(overlay.Resources, r => r.Kind == "RoleBinding");
        Assert.Equal(role.Name, binding.Document.Text("roleRef", "name"));
        Assert.Equal("proctorwise-silo", Assert.Single(binding.Document.Items("subjects")).Text("name"));

        // Every other pod runs without a Kubernetes API token.
        foreach (var workload in overlay.Workloads.Where(w => w.Name != "proctorwise-silo"))
        {
            var account = workload.PodTemplate.Text("spec", "serviceAccountName");
            var automount = workload.PodTemplate.Text("spec", "automountServiceAccountToken")
                ?? overlay.Resources.FirstOrDefault(r => r.Kind == "ServiceAccount" && r.Name == account)?.Document.Text("automountServiceAccountToken");
            Assert.True(automount == "false", $"{workload} mounts a Kubernetes API token it does not need");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void KafkaTopicsAreTheStreamNamespacesWithThePartitionCountTheSilosCheck(string name)
    {
        var overlay = RenderedOverlay.Of(name);
        var silo = ContainerEnvironment.Of(Assert.Single(overlay.Single("Deployment", "proctorwise-silo").Containers), overlay);
        Assert.Equal("false", silo.GetValueOrDefault("Kafka__CreateTopics"));
        var prefix = silo.GetValueOrDefault("Kafka__TopicPrefix") ?? "proctorwise.";
        var partitions = silo.GetValueOrDefault("Kafka__Partitions");
        Assert.False(string.IsNullOrEmpty(partitions), "the silos' partition count is left to a default: set Kafka__Partitions so the topics can match it");

        var kafka = Assert.Single(overlay.Resources, r => r.Kind == "Kafka");
        Assert.Equal("kafka.strimzi.io/v1", kafka.Document.Text("apiVersion"));
        Assert.Equal($"{kafka.Name}-kafka-bootstrap:9092", silo.GetValueOrDefault("Kafka__BootstrapServers"));
        var pool = Assert.Single(overlay.Resources, r => r.Kind == "KafkaNodePool");
        Assert.Equal(kafka.Name, pool.Document.Text("metadata", "labels", "strimzi.io/cluster"));
        Assert.Contains("controller", pool.Document.Texts("spec", "roles"));
        Assert.Contains("broker", pool.Document.Texts("spec", "roles"));

        var topics = overlay.Resources.Where(r => r.Kind == "KafkaTopic").ToList();
        Assert.Equal(StreamNamespaces.All.Select(ns => prefix + ns).Order(StringComparer.Ordinal), topics.Select(t => t.Document.Text("spec", "topicName") ?? "").Order(StringComparer.Ordinal));
        var brokers = Number(pool.Document.Text("spec", "replicas"));
        Assert.All(topics, topic =>
        {
            Assert.Equal(kafka.Name, topic.Document.Text("metadata", "labels", "strimzi.io/cluster"));
            Assert.Equal(partitions, topic.Document.Text("spec", "partitions"));
            Assert.True(Number(topic.Document.Text("spec", "replicas")) <= brokers, $"{topic} has more replicas than the {brokers} broker(s)");
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void TheIngressKeepsAHubConnectionOnOnePodAcceptsFramesAndHidesMetrics(string name)
    {
        var overlay = RenderedOverlay.Of(name);
        var ingress = overlay.Single("Ingress", "proctorwise-api");
        var annotations = ingress.Document.Entries("metadata", "annotations");
        Assert.Equal("cookie", annotations["nginx.ingress.kubernetes.io/affinity"].Text());
        Assert.True(Bytes(annotations["nginx.ingress.kubernetes.io/proxy-body-size"].Text()!) >= ProctoringLimits.MaxFrameBytes, "the ingress refuses webcam frames");
        Assert.True(Number(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"].Text()) >= 600, "hub connections would be cut every minute");
        Assert.False(string.IsNullOrEmpty(Assert.Single(ingress.Document.Items("spec", "tls")).Text("secretName")), "the ingress serves no TLS certificate");

        var metrics = overlay.Single("Ingress", "proctorwise-api-metrics-denied");
        Assert.Equal("0.0.0.0/0,::/0", metrics.Document.Text("metadata", "annotations", "nginx.ingress.kubernetes.io/denylist-source-range"));
        var path = Assert.Single(Assert.Single(metrics.Document.Items("spec", "rules")).Items("http", "paths"));
        Assert.Equal("/metrics", path.Text("path"));
        Assert.Equal("Exact", path.Text("pathType"));
        Assert.Equal(ingress.Document.Items("spec", "rules")[0].Text("host"), metrics.Document.Items("spec", "rules")[0].Text("host"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void TheDatabaseIsBackedUpNightlyWithRetention(string name)
    {
        var backup = RenderedOverlay.Of(name).Single("CronJob", "proctorwise-db-backup");
        Assert.Equal("Forbid", backup.Document.Text("spec", "concurrencyPolicy"));
        var container = Assert.Single(backup.Containers);
        Assert.StartsWith("proctorwise/db-tools:", container.Text("image"), StringComparison.Ordinal);
        var environment = container.Items("env").ToDictionary(e => e.Text("name")!, e => e.Text("value"), StringComparer.Ordinal);
        Assert.True(Number(environment["RETENTION_DAYS"]) > 0);
        Assert.True(Number(environment["KEEP_MIN"]) > 0);
        Assert.Equal("/backups", container.Items("volumeMounts").Single(m => m.Text("name") == "backups").Text("mountPath"));
    }

    [Fact]
    public void TheOneOffRestoreJobReachesTheDatabaseUnprivilegedAndTakesItsSecretFromTheSecret()
    {
        var text = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "k8s", "jobs", "db-restore.yaml"));
        var job = new KubernetesResource("Job", "proctorwise-db-restore", Assert.Single(YamlExtensions.Documents(text)));
        var container = Assert.Single(job.Containers);
        Assert.Equal("/opt/proctorwise/db-restore.sh", Assert.Single(container.Texts("command")));
        Assert.Equal("--yes", container.Texts("args")[^1]);
        Assert.Equal("true", job.PodTemplate.Text("spec", "securityContext", "runAsNonRoot"));
        Assert.Equal("false", container.Text("securityContext", "allowPrivilegeEscalation"));
        Assert.Equal("true", container.Text("securityContext", "readOnlyRootFilesystem"));
        Assert.NotNull(ContainerEnvironment.Entry(container, "ConnectionStrings__MariaDb").At("valueFrom", "secretKeyRef"));

        // It must be one of the peers the MariaDB policy admits, or it could not connect.
        var label = job.PodTemplate.Text("metadata", "labels", "app.kubernetes.io/name");
        var mariadb = RenderedOverlay.Of("prod").Single("NetworkPolicy", "proctorwise-mariadb");
        Assert.Contains(label, mariadb.Document.Items("spec", "ingress").SelectMany(r => r.Items("from")).Select(p => p.Text("podSelector", "matchLabels", "app.kubernetes.io/name")));
    }

    internal static bool LooksSecret(string name) =>
        new[] { "password", "secret", "connectionstring", "token", "apikey" }.Any(word => name.Replace("_", "", StringComparison.Ordinal).Contains(word, StringComparison.OrdinalIgnoreCase));

    private static int Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new Xunit.Sdk.XunitException($"'{text}' is not a whole number");

    private static long Bytes(string text)
    {
        var unit = char.ToLowerInvariant(text[^1]) switch { 'k' => 1024L, 'm' => 1024L * 1024, 'g' => 1024L * 1024 * 1024, _ => 1L };
        return long.Parse(unit == 1 ? text : text[..^1], CultureInfo.InvariantCulture) * unit;
    }
}
