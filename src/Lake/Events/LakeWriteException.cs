using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Lake.Events;

/// <summary>
/// A write to the lake failed part-way: <see cref="Durable"/> are the events whose files were published before the
/// failure (they may be acknowledged); every other event of the batch was not written and must not be.
/// </summary>
public sealed class LakeWriteException : IOException
{
    /// <summary>Creates the exception.</summary>
    public LakeWriteException(string message, IReadOnlyList<DomainEvent> durable, IReadOnlyList<string> files, Exception inner)
        : base(message, inner)
    {
        Durable = durable;
        Files = files;
    }

    /// <summary>The events that are durable despite the failure.</summary>
    public IReadOnlyList<DomainEvent> Durable { get; }

    /// <summary>The files published before the failure.</summary>
    public IReadOnlyList<string> Files { get; }
}
