namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>What a session decided about a frame it admitted.</summary>
[GenerateSerializer, Alias("pw.frame-decision")]
public enum FrameDecision
{
    /// <summary>Run the models on it.</summary>
    Analyse = 0,

    /// <summary>
    /// Near-identical to the session's last analysed frame while no camera condition is pending, and that analysis
    /// is recent enough: the models do not run; the frame is answered <see cref="CheckStatus.Unchanged"/>.
    /// </summary>
    Unchanged = 1,

    /// <summary>
    /// Run the models on it, ahead of routine frames: the session has had no analysed frame for
    /// <c>Vision:Skip:MaxInterval</c>, or none yet (see <see cref="FrameUrgency.Overdue"/>).
    /// </summary>
    Overdue = 2,
}
