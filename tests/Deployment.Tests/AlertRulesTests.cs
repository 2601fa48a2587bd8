using System.Text.RegularExpressions;
using ProctorWise.Deployment.Tests.Tooling;
using ProctorWise.Grains.Interfaces.Names;
using YamlDotNet.RepresentationModel;

namespace ProctorWise.Deployment.Tests;

/// <summary>
/// The Prometheus alert rules (deploy/prometheus/proctorwise-alerts.yml, and the same groups as a PrometheusRule in
/// k8s/components/monitoring): valid, complete, explained in docs/operations.md, and on metrics the code really
/// exports: a renamed instrument (or unit, or kind) breaks this test instead of silencing an alert.
/// </summary>
public sealed partial class AlertRulesTests
{
    private static readonly string[] s_groups = ["proctorwise.cluster", "proctorwise.proctoring", "proctorwise.streams", "proctorwise.analytics"];

    private static string Root => TestSupport.RepositoryPaths.Root;

    private static YamlMappingNode RulesFile => YamlExtensions.Documents(File.ReadAllText(Path.Combine(Root, "deploy", "prometheus", "proctorwise-alerts.yml"))).Single();

    private static IEnumerable<YamlNode> Rules => RulesFile.Items("groups").SelectMany(g => g.Items("rules"));

    [Fact]
    public void TheRulesFileHasTheExpectedGroupsAndEveryAlertIsComplete()
    {
        Assert.Equal(s_groups, RulesFile.Items("groups").Select(g => g.Text("name")));
        var names = new List<string>();
        foreach (var rule in Rules)
        {
            var name = rule.Text("alert");
            Assert.False(string.IsNullOrEmpty(name), "every rule is an alert (no recording rules here)");
            names.Add(name);
            Assert.False(string.IsNullOrWhiteSpace(rule.Text("expr")), $"{name}: expr");
            Assert.Matches(DurationPattern(), rule.Text("for") ?? "");
            Assert.Contains(rule.Text("labels", "severity"), new[] { "warning", "critical" });
            foreach (var annotation in new[] { "summary", "description", "runbook" })
            {
                Assert.False(string.IsNullOrWhiteSpace(rule.Text("annotations", annotation)), $"{name}: annotation {annotation}");
            }

            Assert.Equal($"docs/operations.md#alert-{name.ToLowerInvariant()}", rule.Text("annotations", "runbook"));
        }

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void PrometheusAcceptsTheRules()
    {
        // promtool parses every expression and template as Prometheus will when it loads the file.
        var output = ExternalTool.Run("promtool", "check", "rules", Path.Combine("deploy", "prometheus", "proctorwise-alerts.yml"));
        Assert.Contains($"SUCCESS: {Rules.Count()} rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAlertHasARunbookSectionInTheOperationsGuide()
    {
        var guide = File.ReadAllText(Path.Combine(Root, "docs", "operations.md"));
        foreach (var name in Rules.Select(r => r.Text("alert")!))
        {
            // GitHub's anchor of "#### Alert: ProctorWiseX" is "alert-proctorwisex", the rule's runbook link.
            Assert.Contains($"\n#### Alert: {name}\n", guide, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ThePrometheusRuleOfTheMonitoringComponentCarriesTheSameGroups()
    {
        var rendered = RenderedOverlay.Of("prod").Single("PrometheusRule", "proctorwise");
        Assert.Equal(Canonical(RulesFile.At("groups")), Canonical(rendered.Document.At("spec", "groups")));
        Assert.Equal("proctorwise", rendered.Document.Text("metadata", "namespace"));

        var monitor = RenderedOverlay.Of("prod").Single("PodMonitor", "proctorwise");
        Assert.Equal(["proctorwise-silo", "proctorwise-api"], monitor.Document.Items("spec", "selector", "matchExpressions").Single().Texts("values"));
        Assert.Equal("/metrics", monitor.Document.Items("spec", "podMetricsEndpoints").Single().Text("path"));
    }

    [Fact]
    public void EveryMetricOfTheRulesIsExportedByTheCode()
    {
        var exported = ProjectMetrics().Concat(OrleansGauges()).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            var used = MetricPattern().Matches(rule.Text("expr")!).Select(m => m.Value).ToList();
            Assert.True(used.Count > 0, $"{rule.Text("alert")}: no ProctorWise or Orleans metric in its expression");
            foreach (var metric in used)
            {
                Assert.True(exported.Contains(metric), $"{rule.Text("alert")}: {metric} is not a metric the code exports. Exported: {string.Join(", ", exported.Order(StringComparer.Ordinal))}");
            }
        }
    }

    [Fact]
    public void ThePartitionAlertUsesThePartitionCountOfTheSilos()
    {
        var partitions = RenderedOverlay.Of("prod").ConfigMap("proctorwise-silo")["Kafka__Partitions"];
        var rule = Rules.Single(r => r.Text("alert") == "ProctorWiseKafkaPartitionsUnowned");
        Assert.EndsWith($"< {partitions}", rule.Text("expr")!.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheProjectsInstrumentsAreFoundWhereTheRulesExpectThem()
    {
        // Guards the source scan below: if it stopped finding instruments, the check above would pass vacuously.
        var metrics = ProjectMetrics().ToList();
        Assert.Contains("proctorwise_vision_frames_shed_total", metrics);
        Assert.Contains("proctorwise_proctoring_alert_delivery_duration_seconds_bucket", metrics);
        Assert.Contains("proctorwise_streaming_kafka_consumer_lag", metrics);
        Assert.Contains("proctorwise_health_status", metrics);
        Assert.Equal(Instruments.FramesShed.Replace('.', '_') + "_total", metrics.Single(m => m.StartsWith("proctorwise_vision_frames_shed", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The Prometheus names of the project's instruments, from the sources: every <c>meter.CreateX(Class.Const, …)</c>
    /// over the constants of <see cref="Instruments"/> and the Kafka provider's <c>KafkaStreamInstruments</c>, named as
    /// OpenTelemetry's Prometheus exporter names them (dots to underscores, the unit's word, <c>_total</c> for
    /// counters, <c>_bucket</c>/<c>_sum</c>/<c>_count</c> for histograms).
    /// </summary>
    private static IEnumerable<string> ProjectMetrics()
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, file) in new[] { ("Instruments", "src/Grains.Interfaces/Names/Instruments.cs"), ("KafkaStreamInstruments", "src/Streaming.Kafka/KafkaStreamInstruments.cs") })
        {
            foreach (Match m in ConstantPattern().Matches(File.ReadAllText(Path.Combine(Root, file))))
            {
                constants[$"{type}.{m.Groups["name"].Value}"] = m.Groups["value"].Value;
            }
        }

        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            foreach (Match m in CreationPattern().Matches(File.ReadAllText(file)))
            {
                var constant = $"{m.Groups["class"].Value}.{m.Groups["name"].Value}";
                Assert.True(constants.TryGetValue(constant, out var instrument), $"{file}: {constant} is not a known instrument constant");
                var kind = m.Groups["kind"].Value;
                var arguments = m.Groups["rest"].Value.Split(',');
                var unitArgument = kind.StartsWith("Observable", StringComparison.Ordinal) ? arguments[1] : arguments[0];
                var name = instrument.Replace('.', '_') + UnitSuffix(unitArgument, constant);
                if (kind is "Counter" or "ObservableCounter")
                {
                    yield return name + "_total";
                }
                else if (kind == "Histogram")
                {
                    yield return name + "_bucket";
                    yield return name + "_sum";
                    yield return name + "_count";
                }
                else
                {
                    yield return name;
                }
            }
        }
    }

    private static string UnitSuffix(string argument, string constant)
    {
        var literal = UnitPattern().Match(argument);
        var unit = literal.Success ? literal.Groups["unit"].Value : "";
        if (unit.Length == 0 || (unit.StartsWith('{') && unit.EndsWith('}')))
        {
            return "";
        }

        return unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => throw new InvalidOperationException($"{constant}: unit '{unit}' is not known to this test; add the exporter's name for it."),
        };
    }

    /// <summary>
    /// Orleans' instrument names (its internal <c>InstrumentNames</c> constants, read from the Orleans assembly in use), as
    /// Prometheus names them. Only gauges without a unit may be used by the rules, whose names need no suffix.
    /// </summary>
    private static List<string> OrleansGauges()
    {
        // Orleans.Core comes with Grains.Interfaces (Microsoft.Orleans.Sdk), the version the silos run.
        var assembly = System.Reflection.Assembly.Load("Orleans.Core");
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (System.Reflection.ReflectionTypeLoadException e)
        {
            // Types whose dependencies this test does not load are null; InstrumentNames has none.
            types = e.Types;
        }

        var type = types.FirstOrDefault(t => t?.Name == "InstrumentNames");
        Assert.True(type is not null, "Orleans' InstrumentNames type was not found; the Orleans metric names cannot be checked");
        var names = type.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ((string)f.GetRawConstantValue()!).Replace('-', '_'))
            .ToList();
        Assert.Contains("orleans_consistent_ring_size", names);
        return names;
    }

    /// <summary>A node as text with mapping keys in order, for comparing two YAML trees.</summary>
    private static string Canonical(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => System.Text.Json.JsonSerializer.Serialize(scalar.Value),
        YamlSequenceNode sequence => "[" + string.Join(",", sequence.Children.Select(Canonical)) + "]",
        YamlMappingNode map => "{" + string.Join(",", map.Children.OrderBy(e => ((YamlScalarNode)e.Key).Value, StringComparer.Ordinal)
            .Select(e => Canonical(e.Key) + ":" + Canonical(e.Value))) + "}",
        _ => "null",
    };

    [GeneratedRegex(@"^\d+[smh]$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(?:proctorwise|orleans)_[a-z0-9_]+\b")]
    private static partial Regex MetricPattern();

    [GeneratedRegex(@"public const string (?<name>\w+) = ""(?<value>[^""]+)"";")]
    private static partial Regex ConstantPattern();

    [GeneratedRegex(@"\.Create(?<kind>Counter|Histogram|UpDownCounter|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)(?:<[^>(]+>)?\(\s*(?<class>Instruments|KafkaStreamInstruments)\.(?<name>\w+)\s*,(?<rest>[^;]*);")]
    private static partial Regex CreationPattern();

    [GeneratedRegex(@"""(?<unit>[^""]*)""")]
    private static partial Regex UnitPattern();
}
