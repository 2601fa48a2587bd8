using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka.Diagnostics;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// The provider's entry point for Orleans: creates the adapter (after checking the topics), the queue mapper,
/// one cache per partition and one failure handler per partition.
/// </summary>
internal sealed class KafkaQueueAdapterFactory : IQueueAdapterFactory, IQueueAdapterCache, IDisposable
{
    private readonly string _name;
    private readonly KafkaStreamOptions _options;
    private readonly string _groupId;
    private readonly KafkaStreamMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly KafkaStreamQueueMapper _mapper;
    private readonly ConcurrentDictionary<QueueId, KafkaPartitionCache> _caches = new();
    private readonly SemaphoreSlim _adapterLock = new(1, 1);
    private KafkaQueueAdapter? _adapter;

    public KafkaQueueAdapterFactory(string name, KafkaStreamOptions options, string serviceId, KafkaStreamMetrics metrics, ILoggerFactory loggerFactory)
    {
        _name = name;
        _options = options;
        _groupId = string.IsNullOrWhiteSpace(options.ConsumerGroupId) ? $"{serviceId}.{name}" : options.ConsumerGroupId;
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _mapper = new KafkaStreamQueueMapper(options);
    }

    /// <summary>Orleans' factory delegate: reads the named options (which validates them) and the service id.</summary>
    public static KafkaQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name);
        var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        return new KafkaQueueAdapterFactory(
            name,
            options,
            serviceId,
            services.GetRequiredService<KafkaStreamMetrics>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken)
    {
        await _adapterLock.WaitAsync(cancellationToken);
        try
        {
            if (_adapter is null)
            {
                await new KafkaTopicManager(_options, _name, _loggerFactory.CreateLogger<KafkaTopicManager>()).EnsureTopicsAsync(cancellationToken);
                _adapter = new KafkaQueueAdapter(_name, _options, _mapper, _groupId, FindCache, _metrics, _loggerFactory);
            }

            return _adapter;
        }
        finally
        {
            _adapterLock.Release();
        }
    }

    public IQueueAdapterCache GetQueueAdapterCache() => this;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new KafkaStreamFailureHandler(
            _name,
            _mapper.GetPartition(queueId),
            _options.FaultSubscriptionOnError,
            _metrics,
            _loggerFactory.CreateLogger<KafkaStreamFailureHandler>()));

    public IQueueCache CreateQueueCache(QueueId queueId)
    {
        // The pulling agent creates the cache just before the receiver of the same queue; the receiver looks it up.
        var cache = new KafkaPartitionCache(_options.CacheSize, _loggerFactory.CreateLogger<KafkaPartitionCache>());
        _caches[queueId] = cache;
        return cache;
    }

    public void Dispose()
    {
        _adapter?.Dispose();
        _adapterLock.Dispose();
    }

    private KafkaPartitionCache? FindCache(QueueId queueId) => _caches.TryGetValue(queueId, out var cache) ? cache : null;
}
