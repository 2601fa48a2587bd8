using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Silo.Hosting;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.WebApi.Hosting;

/// <summary>
/// Ready when the alert streams can flow: with Kafka, every application topic answers a metadata
/// request with partitions that have a leader; memory streams live in the silo and need no check.
/// </summary>
internal sealed class StreamsHealthCheck : IHealthCheck, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);
    private readonly IAdminClient? _admin;
    private readonly string[] _topics = [];

    public StreamsHealthCheck(IConfiguration configuration)
    {
        if (!StreamingSettings.UsesKafka(configuration))
        {
            return;
        }

        var options = new KafkaStreamOptions();
        StreamingSettings.Apply(options, configuration);
        _topics = [.. options.Namespaces.Select(options.TopicFor)];
        _admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = options.BootstrapServers, SocketTimeoutMs = (int)s_timeout.TotalMilliseconds }).Build();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_admin is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("memory streams (in process)"));
        }

        // The metadata call blocks; keep it off the request thread.
        return Task.Run(() => Check(_admin), cancellationToken);
    }

    private HealthCheckResult Check(IAdminClient admin)
    {
        var problems = new List<string>();
        foreach (var topic in _topics)
        {
            try
            {
                var metadata = admin.GetMetadata(topic, s_timeout).Topics.SingleOrDefault(t => t.Topic == topic);
                if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
                {
                    problems.Add($"{topic}: {(metadata?.Error.IsError == true ? metadata.Error.Reason : "not found")}");
                }
                else if (metadata.Partitions.Where(p => p.Leader < 0 || p.Error.IsError).Select(p => p.PartitionId).ToList() is { Count: > 0 } leaderless)
                {
                    problems.Add($"{topic}: no leader for partitions {string.Join(", ", leaderless)}");
                }
            }
            catch (KafkaException e)
            {
                problems.Add($"{topic}: {e.Error.Reason}");
            }
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy($"Kafka topics answer: {string.Join(", ", _topics)}")
            : HealthCheckResult.Unhealthy($"Kafka: {string.Join("; ", problems)}");
    }

    public void Dispose() => _admin?.Dispose();
}
