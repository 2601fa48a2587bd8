using Confluent.Kafka;

namespace ProctorWise.Lake.Kafka.Tests;

/// <summary>The commit points of the lake's consumer: never past an event whose file is not durable.</summary>
public sealed class KafkaOffsetLedgerTests
{
    private static readonly TopicPartition s_p0 = new("facts", 0);
    private static readonly TopicPartition s_p1 = new("facts", 1);

    private static TopicPartitionOffset At(TopicPartition partition, long offset) => new(partition, offset);

    [Fact]
    public void ThePointStopsAtTheFirstEventThatIsNotDurable()
    {
        var ledger = new KafkaOffsetLedger();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        ledger.Read(At(s_p0, 10), a);
        ledger.Read(At(s_p0, 11), b);
        ledger.Read(At(s_p0, 12), c);

        Assert.Equal([At(s_p0, 10)], ledger.Committable());

        // Durable out of order: the later ones do not move the point past the first that waits.
        ledger.Durable([b, c]);
        Assert.Equal([At(s_p0, 10)], ledger.Committable());

        ledger.Durable([a]);
        Assert.Equal([At(s_p0, 13)], ledger.Committable());
    }

    [Fact]
    public void RecordsWithoutAFactAreDoneWhenRead()
    {
        var ledger = new KafkaOffsetLedger();
        ledger.Read(At(s_p0, 0), null);
        ledger.Read(At(s_p0, 1), null);

        Assert.Equal([At(s_p0, 2)], ledger.Committable());

        // A record without a fact after one that waits does not release it.
        var waiting = Guid.NewGuid();
        ledger.Read(At(s_p0, 2), waiting);
        ledger.Read(At(s_p0, 3), null);
        Assert.Equal([At(s_p0, 2)], ledger.Committable());
    }

    [Fact]
    public void OnlyPointsThatMovedSinceTheLastCommitAreOffered()
    {
        var ledger = new KafkaOffsetLedger();
        var a = Guid.NewGuid();
        ledger.Read(At(s_p0, 5), a);
        ledger.Read(At(s_p1, 7), null);

        var first = ledger.Committable();
        Assert.Equal([At(s_p0, 5), At(s_p1, 8)], first.OrderBy(o => o.Partition.Value));
        ledger.Committed(first);
        Assert.Empty(ledger.Committable());

        ledger.Durable([a]);
        Assert.Equal([At(s_p0, 6)], ledger.Committable());
    }

    [Fact]
    public void ARedeliveredEventReleasesEveryOffsetItWasReadAt()
    {
        var ledger = new KafkaOffsetLedger();
        var twice = Guid.NewGuid();
        ledger.Read(At(s_p0, 0), twice);
        ledger.Read(At(s_p0, 1), twice);

        // The batcher lands one copy; both offsets are done with it.
        ledger.Durable([twice]);

        Assert.Equal([At(s_p0, 2)], ledger.Committable());
    }

    [Fact]
    public void ADurableEventThatWasNeverReadChangesNothing()
    {
        var ledger = new KafkaOffsetLedger();
        var read = Guid.NewGuid();
        ledger.Read(At(s_p0, 3), read);

        ledger.Durable([Guid.NewGuid()]);

        Assert.Equal([At(s_p0, 3)], ledger.Committable());
    }

    [Fact]
    public void ARevokedPartitionIsForgottenAndItsWaitingEventsNoLongerHoldAnything()
    {
        var ledger = new KafkaOffsetLedger();
        var onP0 = Guid.NewGuid();
        var onP1 = Guid.NewGuid();
        ledger.Read(At(s_p0, 0), onP0);
        ledger.Read(At(s_p1, 0), onP1);

        ledger.Forget([s_p1]);

        // Nothing is offered for the revoked partition (its next owner reads it again), even once its event lands.
        ledger.Durable([onP0, onP1]);
        Assert.Equal([At(s_p0, 1)], ledger.Committable());

        // Given back later, the partition starts afresh from what is read then.
        ledger.Read(At(s_p1, 4), null);
        Assert.Equal([At(s_p0, 1), At(s_p1, 5)], ledger.Committable().OrderBy(o => o.Partition.Value));
    }
}
