using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake.Events;

namespace ProctorWise.Hosting.Silo.Ingestion;

/// <summary>
/// This silo's <see cref="ILakeEventSink"/> on memory streams: deliveries go into a bounded queue and return; one loop
/// feeds the <see cref="LakeEventBatcher"/>, flushes what is due and, on stop, everything left. A stream delivery
/// therefore never waits for a lake write (a flush can take longer than a grain call may). A failed flush keeps its
/// events and is retried with back-off while the queue stops draining, so a lasting failure slows deliveries down
/// (they wait, then fail and are retried by the stream) instead of growing memory without bound.
/// </summary>
public sealed partial class LakeIngestionSink(LakeEventBatcher batcher, TimeProvider clock, ILogger<LakeIngestionSink> logger) : ILakeEventSink, IDisposable
{
    /// <summary>Events the queue holds before deliveries wait.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long a delivery waits for room in a full queue before it fails (the stream retries it).</summary>
    public static readonly TimeSpan AcceptTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(30);

    private readonly Channel<DomainEvent> _queue = Channel.CreateBounded<DomainEvent>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private int _failures;

    /// <summary>Events accepted and not yet in a published file (queued or waiting in the batch).</summary>
    public int PendingCount => _queue.Reader.Count + batcher.PendingCount;

    /// <inheritdoc/>
    public async ValueTask AcceptAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!LakeEventBatcher.Lands(domainEvent) || _queue.Writer.TryWrite(domainEvent))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AcceptTimeout);
        try
        {
            await _queue.Writer.WriteAsync(domainEvent, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The lake's ingestion queue stayed full for {AcceptTimeout.TotalSeconds} s (is the lake failing?); the stream will redeliver {domainEvent.GetType().Name} {domainEvent.EventId}.");
        }
    }

    /// <summary>Starts the loop that lands queued events.</summary>
    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Stops taking events, lands what was accepted (one last try if the lake is failing) and returns.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        Task<bool>? waiting = null;
        while (!_stopping.IsCancellationRequested)
        {
            if (_failures > 0)
            {
                await DelayAsync(Backoff(_failures));
                await TryFlushAsync(force: true);
                continue;
            }

            waiting ??= reader.WaitToReadAsync().AsTask();
            if (!waiting.IsCompleted)
            {
                var wake = batcher.FlushDueAt is { } due ? due - clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
                await Task.WhenAny(waiting, DelayAsync(wake));
            }

            if (waiting.IsCompleted)
            {
                waiting = null;
            }

            while (_failures == 0 && reader.TryRead(out var domainEvent))
            {
                await LandAsync(() => batcher.AddAsync(domainEvent));
            }

            if (_failures == 0)
            {
                await TryFlushAsync(force: false);
            }
        }

        // Stopping: what was accepted is landed now, once; what still fails is lost with the process (as what the
        // memory streams held would be), and said so.
        while (reader.TryRead(out var domainEvent))
        {
            await LandAsync(() => batcher.AddAsync(domainEvent));
        }

        await TryFlushAsync(force: true);
        if (batcher.PendingCount > 0)
        {
            LogLost(logger, batcher.PendingCount);
        }
    }

    private Task TryFlushAsync(bool force) => LandAsync(() => force ? batcher.FlushAsync() : batcher.FlushIfDueAsync());

    private async Task LandAsync(Func<Task<LakeFlushResult>> step)
    {
        try
        {
            var result = await step();
            if (result.Files.Count > 0)
            {
                LogFlushed(logger, result.Durable.Count, result.Files.Count);
            }

            _failures = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or HttpRequestException)
        {
            // The batch keeps what was not written; deliveries wait in the queue until a retry succeeds.
            _failures++;
            LogFlushFailed(logger, e, batcher.PendingCount, Backoff(_failures));
        }
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        if (delay == Timeout.InfiniteTimeSpan || delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, clock, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the loop lands what is left.
            }
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(s_lastRetry.Ticks, s_firstRetry.Ticks << Math.Min(failures - 1, 10)));

    [LoggerMessage(EventId = 46000, Level = LogLevel.Debug, Message = "Lake ingestion landed {Events} events in {Files} files")]
    private static partial void LogFlushed(ILogger logger, int events, int files);

    [LoggerMessage(EventId = 46001, Level = LogLevel.Warning, Message = "Lake ingestion could not write; {Pending} events wait, next try in {Retry}")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int pending, TimeSpan retry);

    [LoggerMessage(EventId = 46002, Level = LogLevel.Error, Message = "Lake ingestion stopped with {Pending} events not landed (the lake kept failing)")]
    private static partial void LogLost(ILogger logger, int pending);
}
