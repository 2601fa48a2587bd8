using Microsoft.ML.OnnxRuntime;
using ProctorWise.Grains.Interfaces.Vision;
using SkiaSharp;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// A YOLOv8-style COCO detector: one input [1,3,S,S] (NCHW RGB in [0, 1], letterboxed on grey 114) and
/// one output [1, 4 + classes, N] whose rows are box centre x, y, width, height in input pixels, then a
/// score per class. Only the watched classes (person, laptop, cell phone, book) are reported. Shapes are
/// read from the model, so any input size works. One instance per worker; workers share the session.
/// </summary>
internal sealed class YoloObjectDetector : IDisposable
{
    private const float NmsIou = 0.45f;
    private static readonly SKColor s_padding = new(114, 114, 114);

    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly string _inputName;
    private readonly int _size;
    private readonly int _classes;
    private readonly int _boxes;
    private readonly ImageCanvas _canvas;
    private readonly float _threshold;

    /// <summary>A detector with its own session (tests).</summary>
    public YoloObjectDetector(byte[] model, float threshold)
        : this(CreateSession(model), threshold, ownsSession: true)
    {
    }

    /// <summary>A detector on a shared session; throws <see cref="InvalidDataException"/> for a model of another shape.</summary>
    public YoloObjectDetector(InferenceSession session, float threshold, bool ownsSession = false)
    {
        _session = session;
        _ownsSession = ownsSession;
        var input = _session.InputMetadata.Single();
        var output = _session.OutputMetadata.Single();
        if (input.Value.Dimensions is not [_, 3, var height, var width] || height != width || height <= 0)
        {
            throw new InvalidDataException($"Expected an input of shape [1,3,S,S], got [{string.Join(',', input.Value.Dimensions)}].");
        }

        if (output.Value.Dimensions is not [_, var rows, var columns] || rows < 5 || columns <= 0)
        {
            throw new InvalidDataException($"Expected an output of shape [1,4+classes,N], got [{string.Join(',', output.Value.Dimensions)}].");
        }

        _inputName = input.Key;
        _size = height;
        _classes = rows - 4;
        _boxes = columns;
        _canvas = new ImageCanvas(_size);
        _threshold = threshold;
    }

    public string Describe() => $"YOLO-style, input {_size}×{_size}, {_classes} classes";

    /// <summary>The model session, one thread per run.</summary>
    public static InferenceSession CreateSession(byte[] model)
    {
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        return new InferenceSession(model, sessionOptions);
    }

    /// <summary>Watched objects in original-image pixels, best first.</summary>
    public IReadOnlyList<DetectedObject> Detect(SKImage image)
    {
        var letterbox = _canvas.Draw(image, s_padding);
        var tensor = new float[3 * _size * _size];
        _canvas.FillNchw(tensor, 1f / 255f);
        using var value = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, _size, _size]);
        using var run = new RunOptions();
        using var results = _session.Run(run, [_inputName], [value], _session.OutputNames);
        return Decode(results[0].GetTensorDataAsSpan<float>(), letterbox);
    }

    /// <summary>Reads the [4 + classes, N] output (row-major) into detections; exposed for tests of the decoder.</summary>
    public IReadOnlyList<DetectedObject> Decode(ReadOnlySpan<float> output, Letterbox letterbox)
    {
        var candidates = new List<RawDetection>();
        for (var j = 0; j < _boxes; j++)
        {
            var bestClass = -1;
            var bestScore = _threshold;
            foreach (var classId in CocoClasses.Watched.Keys)
            {
                if (classId < _classes && output[((4 + classId) * _boxes) + j] is var score && score >= bestScore)
                {
                    bestScore = score;
                    bestClass = classId;
                }
            }

            if (bestClass >= 0)
            {
                var (cx, cy, w, h) = (output[j], output[_boxes + j], output[(2 * _boxes) + j], output[(3 * _boxes) + j]);
                candidates.Add(new RawDetection(bestScore, new BoxF(cx - (w / 2), cy - (h / 2), w, h), [], bestClass));
            }
        }

        return [.. NonMaxSuppression.Apply(candidates, NmsIou, weighted: false, maxResults: 50).Select(d =>
        {
            var box = letterbox.ToSource(d.Box);
            return new DetectedObject(d.ClassId, CocoClasses.Watched[d.ClassId], d.Score, new BoundingBox(box.X, box.Y, box.Width, box.Height));
        })];
    }

    public void Dispose()
    {
        _canvas.Dispose();
        if (_ownsSession)
        {
            _session.Dispose();
        }
    }
}
