namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>Activated by every room stream through an implicit subscription.</summary>
[Alias("pw.test.IRoomGrain")]
public interface IRoomGrain : IGrainWithStringKey
{
}
