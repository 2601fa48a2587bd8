using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>
/// One student's attempt (key: session id): status, server-side deadline and answers. It enforces the
/// deadline itself (timer while active, reminder for durability) and submits automatically.
/// </summary>
[Alias("pw.IExamSessionGrain")]
public interface IExamSessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the attempt (called once by the bookings grain); repeating it returns the session.</summary>
    [Alias("Start")]
    Task<SessionView> StartAsync(SessionStart start);

    /// <summary>The session as the caller may see it (student, exam owner, proctor of the slot, admin).</summary>
    [Alias("Get")]
    Task<SessionView> GetAsync(Caller caller);

    /// <summary>Like <see cref="GetAsync"/>, but null (not 404) when the session was never started.</summary>
    [Alias("TryGetStarted")]
    Task<SessionView?> TryGetStartedAsync(Caller caller);

    /// <summary>
    /// Saves an answer (the student only). A write whose <paramref name="sequence"/> is not newer than the
    /// last applied one for that question is ignored (returns false); 409 after submit or deadline.
    /// </summary>
    [Alias("SaveAnswer")]
    Task<bool> SaveAnswerAsync(Caller caller, string questionId, AnswerValue answer, long sequence);

    /// <summary>Submits (the student only). Idempotent: returns the same submission id every time.</summary>
    [Alias("Submit")]
    Task<string> SubmitAsync(Caller caller);

    /// <summary>Records a browser signal from the student (202); repeated sequence numbers are ignored; 429 when flooded.</summary>
    [Alias("RecordSignal")]
    Task RecordSignalAsync(Caller caller, BrowserSignal signal);

    /// <summary>Admits a frame from the student before it is analysed: 429 when less than a second after the last one.</summary>
    [Alias("BeginFrame")]
    Task BeginFrameAsync(Caller caller);

    /// <summary>
    /// Admits a frame like <see cref="BeginFrameAsync"/> and decides whether it needs analysing: a frame whose
    /// <paramref name="thumbnail"/> is near-identical to the last analysed frame's is not analysed again while no
    /// camera condition is pending, for at most the configured bound (<c>Vision:Skip:MaxInterval</c>).
    /// </summary>
    [Alias("AdmitFrame")]
    Task<FrameDecision> AdmitFrameAsync(Caller caller, FrameThumbnail? thumbnail);

    /// <summary>Applies the rules to an analysed frame; the JPEG is kept only as evidence of a new anomaly.</summary>
    [Alias("RecordFrame")]
    Task RecordFrameAsync(Caller caller, FrameAnalysis analysis, byte[] jpeg);

    /// <summary>The session's anomalies, newest first (proctors of the slot, exam owner, admins).</summary>
    [Alias("GetAnomalies")]
    Task<IReadOnlyList<AnomalyView>> GetAnomaliesAsync(Caller caller);

    /// <summary>The evidence frame of an anomaly, or 404 (proctors of the slot, exam owner, admins).</summary>
    [Alias("GetEvidence")]
    Task<Evidence> GetEvidenceAsync(Caller caller, string anomalyId);

    /// <summary>Sends the student a warning (proctors of the slot, admins).</summary>
    [Alias("Warn")]
    Task WarnAsync(Caller caller, string message);

    /// <summary>Ends the session and submits it as terminated (proctors of the slot, admins); returns the submission id.</summary>
    [Alias("Terminate")]
    Task<string> TerminateAsync(Caller caller, string reason);

    /// <summary>Gives the student extra minutes (proctors of the slot, exam owner, admins).</summary>
    [Alias("Extend")]
    Task<SessionView> ExtendAsync(Caller caller, int minutes);

    /// <summary>
    /// The latest frame received while the session runs (proctors of the slot and admins only; not the exam's
    /// owner); null when none came since the grain activated or the session ended. When
    /// <paramref name="knownCapturedAt"/> is that frame's time, the bytes are left out.
    /// </summary>
    /// <remarks>Interleaves: camera tiles poll it and must not wait behind a frame being recorded.</remarks>
    [Alias("GetLiveFrame")]
    [AlwaysInterleave]
    Task<LiveFrame?> GetLiveFrameAsync(Caller caller, DateTimeOffset? knownCapturedAt);

    /// <summary>Marks the session reviewed with a note (proctors of the slot, admins); a later mark replaces it.</summary>
    [Alias("Review")]
    Task<SessionReview> ReviewAsync(Caller caller, string note);

    /// <summary>
    /// What happened in the session for the room report: anomalies, risk over time, the actions supervisors took
    /// here (proctors of the slot, exam owner, admins); acknowledgements live in the proctors' inboxes.
    /// </summary>
    [Alias("GetSupervisionRecord")]
    Task<SessionSupervisionRecord> GetSupervisionRecordAsync(Caller caller);
}
