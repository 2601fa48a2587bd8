using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>The last applied answer to one question.</summary>
[GenerateSerializer, Alias("pw.saved-answer")]
public sealed class SavedAnswer
{
    /// <summary>The answer in canonical form.</summary>
    [Id(0)] public AnswerValue Answer { get; set; } = new(null, null);

    /// <summary>The client's sequence number of that write; older writes are ignored.</summary>
    [Id(1)] public long Sequence { get; set; }

    /// <summary>When the server applied it.</summary>
    [Id(2)] public DateTimeOffset SavedAt { get; set; }
}
