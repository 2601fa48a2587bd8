using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.TestSupport;

namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>The analyzer behind the port: availability is reported, never faked.</summary>
public sealed class OnnxFrameAnalyzerTests
{
    // The longest bound a frame may wait: tests that check what a frame's analysis says give it, with workers at the
    // normal priority, so a frame queued behind a worker's warm-up on a loaded machine is not shed at its deadline.
    private static readonly TimeSpan s_patient = TimeSpan.FromSeconds(2);

    private static OnnxFrameAnalyzer Create(VisionOptions options) => new(Options.Create(options), NullLogger<OnnxFrameAnalyzer>.Instance);

    [Fact]
    public async Task WithTheFaceModelOnlyFacesAreCheckedAndObjectsAreUnavailable()
    {
        using var analyzer = Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, Workers = 2, WorkerNice = 0, MaxQueueWait = s_patient, OverdueMaxQueueWait = s_patient });
        Assert.Equal(CheckStatus.Ok, analyzer.Status.FaceCheck);
        Assert.Equal(CheckStatus.Unavailable, analyzer.Status.ObjectCheck);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            analyzer.AnalyzeAsync(i % 2 == 0 ? TestFrames.WebcamWithFace : TestFrames.Blank(), FrameUrgency.Routine, TestContext.Current.CancellationToken)));

        Assert.Equal([1, 0, 1, 0, 1, 0], results.Select(r => r.Faces.Count));
        Assert.All(results, r => Assert.Equal(CheckStatus.Unavailable, r.ObjectCheck));
        Assert.All(results, r => Assert.Equal((320, 240), (r.Width, r.Height)));
    }

    [Fact]
    public async Task ABurstWithinTheWaitBoundIsAnalysedWhole()
    {
        // Eight frames at once on one warmed-up worker (an exam's start in small): ≈ 7 × 10–20 ms of waiting, inside
        // 2 s even when a loaded machine makes each analysis several times slower.
        using var analyzer = Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, Workers = 1, WorkerNice = 0, MaxQueueWait = s_patient, OverdueMaxQueueWait = s_patient });
        await analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken)));
        Assert.All(results, r => Assert.Equal(CheckStatus.Ok, r.FaceCheck));
        Assert.All(results, r => Assert.Single(r.Faces));
    }

    [Fact]
    public async Task BeyondItsWaitBoundTheAnalyzerSkipsFramesInsteadOfQueueingThem()
    {
        using var analyzer = Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, Workers = 1, WorkerNice = 0, MaxQueueWait = TimeSpan.FromMilliseconds(30) });

        // Once the worker has warmed up (a frame queued meanwhile would wait past its 30 ms and be shed), twelve at once.
        Assert.Equal(CheckStatus.Ok, (await analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Overdue, TestContext.Current.CancellationToken)).FaceCheck);
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken)));
        var analysed = results.Where(r => r.FaceCheck == CheckStatus.Ok).ToList();
        var skipped = results.Where(r => r.FaceCheck == CheckStatus.Skipped).ToList();

        // At most two are admitted (20 ms assumed per frame); each is analysed only if a worker takes it within its
        // 30 ms (on a loaded machine even the first may wait longer for its low-priority thread): otherwise it is shed
        // when taken. Either way the rest are shed at once, not queued.
        Assert.InRange(analysed.Count, 0, 2);
        Assert.Equal(12, analysed.Count + skipped.Count);
        Assert.NotEmpty(skipped);
        Assert.All(analysed, r => Assert.Single(r.Faces));
        Assert.All(skipped, r => Assert.Empty(r.Faces));
    }

    [Fact]
    public async Task OverdueFramesWaitWhereRoutineOnesAreShed()
    {
        // One worker with no room for a waiting routine frame: a burst of overdue frames (an exam's first frames) still
        // queues within its 2 s bound, and routine frames sent behind it are shed.
        using var analyzer = Create(new VisionOptions
        {
            FaceModelPath = RepositoryPaths.FaceModel,
            Workers = 1,
            WorkerNice = 0,
            MaxQueueWait = TimeSpan.Zero,
            OverdueMaxQueueWait = TimeSpan.FromSeconds(2),
        });
        var overdue = Enumerable.Range(0, 12).Select(_ => analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Overdue, TestContext.Current.CancellationToken)).ToList();
        var routine = await analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken);
        Assert.Equal(CheckStatus.Skipped, routine.FaceCheck);

        // A routine frame gets at most the one free worker; overdue frames beyond it were queued and analysed (all
        // twelve on a quiet machine; on a loaded one the last may pass their 2 s and be shed, never answered late).
        var results = await Task.WhenAll(overdue);
        Assert.InRange(results.Count(r => r.FaceCheck == CheckStatus.Ok), 2, 12);
        Assert.All(results, r => Assert.Contains(r.FaceCheck, new[] { CheckStatus.Ok, CheckStatus.Skipped }));
    }

    [Fact]
    public async Task AFrameStillQueuedAtItsDeadlineIsShedNotAnalysedLate()
    {
        // A routine frame is admitted behind four overdue ones (4 × 20 ms assumed ≤ its 100 ms), then forty more overdue
        // frames go ahead of it: it is taken after them, well past its 100 ms, and comes back shed.
        using var analyzer = Create(new VisionOptions
        {
            FaceModelPath = RepositoryPaths.FaceModel,
            Workers = 1,
            WorkerNice = 0,
            MaxQueueWait = TimeSpan.FromMilliseconds(100),
            OverdueMaxQueueWait = TimeSpan.FromSeconds(2),
        });
        Task<FrameAnalysis> Overdue() => analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Overdue, TestContext.Current.CancellationToken);
        var first = Enumerable.Range(0, 4).Select(_ => Overdue()).ToList();
        var sent = System.Diagnostics.Stopwatch.StartNew();
        var pending = analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken);
        var more = Enumerable.Range(0, 40).Select(_ => Overdue()).ToList();
        var routine = await pending;
        var answeredAfter = sent.Elapsed;
        Assert.Equal(CheckStatus.Skipped, routine.FaceCheck);

        // The overdue frames went first: analysed, or on a heavily loaded machine shed at their own 2 s, never failed.
        Assert.All(await Task.WhenAll(first.Concat(more)), r => Assert.Contains(r.FaceCheck, new[] { CheckStatus.Ok, CheckStatus.Skipped }));
        Assert.True(answeredAfter >= TimeSpan.FromMilliseconds(100), $"answered after {answeredAfter.TotalMilliseconds} ms: shed at admission, not at its deadline");
    }

    [Fact]
    public async Task EveryWorkerWarmsUpOnABlankFrameBeforeItsFirstFrame()
    {
        var log = new RecordingLogger();
        using var analyzer = new OnnxFrameAnalyzer(Options.Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, Workers = 2, WorkerNice = 0, MaxQueueWait = s_patient, OverdueMaxQueueWait = s_patient }), log);
        await Eventually.UntilAsync(() => Task.FromResult(log.Messages.Count(m => m.Contains("warmed up", StringComparison.Ordinal))), n => n == 2, "both workers warm up", TimeSpan.FromSeconds(30));

        Assert.Contains(log.Messages, m => m.StartsWith("Vision worker vision-0 warmed up in ", StringComparison.Ordinal));
        Assert.Contains(log.Messages, m => m.StartsWith("Vision worker vision-1 warmed up in ", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Messages, m => m.Contains("could not warm up", StringComparison.Ordinal));
        Assert.Single((await analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken)).Faces);
    }

    [Fact]
    public async Task AnUndecodableFrameFailsItsCallerAndTheWorkerGoesOn()
    {
        using var analyzer = Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, Workers = 1, WorkerNice = 0, MaxQueueWait = s_patient, OverdueMaxQueueWait = s_patient });
        var error = await Assert.ThrowsAsync<ProctorWiseException>(() => analyzer.AnalyzeAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0x00, 0x01 }, FrameUrgency.Routine, TestContext.Current.CancellationToken));
        Assert.Contains("image", error.Errors!.Keys);

        var next = await analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken);
        Assert.Single(next.Faces);
    }

    [Fact]
    public async Task VisionThreadsRunAtTheConfiguredLowerPriority()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "thread nice values are a Linux feature");
        using var analyzer = Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, Workers = 1, WorkerNice = 7, MaxQueueWait = s_patient, OverdueMaxQueueWait = s_patient });
        await analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken);

        // Other tests' analyzers run vision threads at the default nice 10; this one's is at 7.
        var visionNices = Directory.GetDirectories("/proc/self/task")
            .Select(task => (Name: File.ReadAllText(Path.Combine(task, "comm")).Trim(), Stat: File.ReadAllText(Path.Combine(task, "stat"))))
            .Where(t => t.Name.StartsWith("vision-", StringComparison.Ordinal))
            .Select(t => int.Parse(t.Stat[(t.Stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture))
            .ToList();
        Assert.Contains(7, visionNices);

        // The caller's continuation never runs on the low-priority vision thread.
        Assert.DoesNotContain("vision-", Thread.CurrentThread.Name ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFaceModelIsUnavailableAndSaysHowToGetIt()
    {
        using var analyzer = Create(new VisionOptions { FaceModelPath = "/nonexistent/face.onnx" });
        Assert.Equal(CheckStatus.Unavailable, analyzer.Status.FaceCheck);
        Assert.Contains("scripts/fetch-models.sh", analyzer.Status.FaceDetail, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => analyzer.AnalyzeAsync(TestFrames.Blank(), FrameUrgency.Routine, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AConfiguredObjectModelRunsOnEveryFrame()
    {
        var modelPath = Path.Combine(Path.GetTempPath(), $"planted-{Guid.NewGuid():N}.onnx");
        await File.WriteAllBytesAsync(modelPath, YoloObjectDetectorTests.PlantedModel(), TestContext.Current.CancellationToken);
        try
        {
            using var analyzer = Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, ObjectModelPath = modelPath, Workers = 1, WorkerNice = 0, MaxQueueWait = s_patient, OverdueMaxQueueWait = s_patient });
            Assert.Equal(CheckStatus.Ok, analyzer.Status.ObjectCheck);
            var result = await analyzer.AnalyzeAsync(TestFrames.WebcamWithFace, FrameUrgency.Routine, TestContext.Current.CancellationToken);
            Assert.Equal(CheckStatus.Ok, result.ObjectCheck);
            Assert.Equal(["cell phone", "book"], result.Objects.Select(o => o.Label));
        }
        finally
        {
            File.Delete(modelPath);
        }
    }

    [Fact]
    public void AnUnusableObjectModelIsReportedUnavailable()
    {
        var modelPath = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(modelPath, [1, 2, 3, 4]);
        try
        {
            using var analyzer = Create(new VisionOptions { FaceModelPath = RepositoryPaths.FaceModel, ObjectModelPath = modelPath, Workers = 1, WorkerNice = 0, MaxQueueWait = s_patient, OverdueMaxQueueWait = s_patient });
            Assert.Equal(CheckStatus.Ok, analyzer.Status.FaceCheck);
            Assert.Equal(CheckStatus.Unavailable, analyzer.Status.ObjectCheck);
        }
        finally
        {
            File.Delete(modelPath);
        }
    }
}

/// <summary>Keeps every formatted log message.</summary>
internal sealed class RecordingLogger : ILogger<OnnxFrameAnalyzer>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue(formatter(state, exception));
}
