namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>How much it matters that a frame is analysed rather than shed when the vision workers fall behind.</summary>
[GenerateSerializer, Alias("pw.frame-urgency")]
public enum FrameUrgency
{
    /// <summary>The session's camera was looked at recently: under load this frame may be shed first.</summary>
    Routine = 0,

    /// <summary>
    /// The session has had no analysed frame for <c>Vision:Skip:MaxInterval</c>, or none yet (an exam's first frame):
    /// this frame may wait longer for a worker (<c>Vision:OverdueMaxQueueWait</c>) before it is shed.
    /// </summary>
    Overdue = 1,
}
