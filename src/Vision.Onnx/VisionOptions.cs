namespace ProctorWise.Vision.Onnx;

/// <summary>Vision models and thresholds (configuration section <c>Vision</c>).</summary>
public sealed class VisionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Vision";

    /// <summary>The face model file name (fetched by scripts/fetch-models.sh).</summary>
    public const string DefaultFaceModelFile = "face_detection_back_256x256_barracuda.onnx";

    /// <summary>
    /// Path of the BlazeFace full-range ONNX model. A relative path is looked up from the working
    /// directory, then from the application's folder upwards (so <c>models/…</c> at the repository root is found).
    /// </summary>
    public string FaceModelPath { get; set; } = Path.Combine("models", DefaultFaceModelFile);

    /// <summary>Minimum face score (sigmoid). 0.6 separates real faces (≥ 0.64) from the strongest non-faces (≤ 0.51) in the test set.</summary>
    public float FaceScoreThreshold { get; set; } = 0.6f;

    /// <summary>Overlap above which candidate faces are merged.</summary>
    public float FaceIouThreshold { get; set; } = 0.3f;

    /// <summary>At most this many faces per frame.</summary>
    public int MaxFaces { get; set; } = 16;

    /// <summary>Optional YOLOv8-style COCO detector; empty means the object check is off (reported as unavailable).</summary>
    public string? ObjectModelPath { get; set; }

    /// <summary>Minimum object class score.</summary>
    public float ObjectScoreThreshold { get; set; } = 0.5f;

    /// <summary>Concurrent analyses per silo (each a dedicated thread with its own buffers); unset means the number of cores.</summary>
    public int? Workers { get; set; }

    /// <summary>
    /// Nice value of the vision threads on Linux (0–19; 0 keeps the normal priority). At 10 the kernel gives
    /// normal threads about ten times their share when both want a core, so inference fills idle cycles
    /// without delaying alerts.
    /// </summary>
    public int WorkerNice { get; set; } = 10;

    /// <summary>
    /// The longest a frame may be expected to wait for a worker (the frames ahead of it, shared among the workers, times
    /// the recent mean analysis time); a frame that would wait longer is shed (reported as skipped) rather than queued.
    /// A frame still waiting when its wait reaches this bound is shed then. Zero queues nothing beyond one frame per
    /// worker. Half a second absorbs short bursts and stays well inside the 2 s between a student's frames.
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest expected wait for an overdue frame: one of a session that has had no analysed frame for
    /// <c>Vision:Skip:MaxInterval</c>, or none yet. Shedding it would leave that camera unchecked for another frame
    /// period, so it may wait longer than a routine frame, as long as its verdict still comes before the student's next
    /// frame (2 s later). At least <see cref="MaxQueueWait"/>. Routine frames are shed first when the workers fall
    /// behind: an exam's start (every session's first frame needs the models at once) and an overloaded silo keep
    /// checking every camera.
    /// </summary>
    public TimeSpan OverdueMaxQueueWait { get; set; } = TimeSpan.FromMilliseconds(1500);
}
