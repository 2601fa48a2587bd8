namespace ProctorWise.LoadGenerator.Load;

/// <summary>One tab_hidden a student sent: when it left (before the HTTP call) and when the answer came.</summary>
internal sealed class TabHiddenEvent(long sentAt)
{
    public long SentAt { get; } = sentAt;

    public long AnsweredAt { get; set; }

    public bool Answered { get; set; }

    public bool Accepted { get; set; }
}
