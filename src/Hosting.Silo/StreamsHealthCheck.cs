using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Ready when the streams can flow: with Kafka, the provider's topic probe finds every topic with its
/// partitions and their leaders; memory streams live in the silo and need no check.
/// </summary>
internal sealed class StreamsHealthCheck : IHealthCheck, IDisposable
{
    private readonly KafkaTopicProbe? _probe;

    public StreamsHealthCheck(IOptions<HostingOptions> hosting, IConfiguration configuration)
    {
        if (hosting.Value.Streams == StreamTransport.Kafka)
        {
            var options = new KafkaStreamOptions();
            StreamingSettings.Apply(options, hosting.Value, configuration);
            _probe = new KafkaTopicProbe(options, StreamProviders.Default, TimeSpan.FromSeconds(3));
        }
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_probe is null)
        {
            return HealthCheckResult.Healthy("in memory (embedded mode: streams stay in this process)");
        }

        var problems = await _probe.CheckAsync(cancellationToken);
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"Kafka topics answer: {string.Join(", ", _probe.Topics)}")
            : HealthCheckResult.Unhealthy($"Kafka: {string.Join("; ", problems)}");
    }

    public void Dispose() => _probe?.Dispose();
}
