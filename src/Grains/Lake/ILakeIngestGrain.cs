namespace ProctorWise.Grains.Lake;

/// <summary>
/// The lake's stream consumer on memory streams (key: the stream key). It has no methods: only its implicit stream
/// subscription activates it.
/// </summary>
[Alias("pw.ILakeIngestGrain")]
public interface ILakeIngestGrain : IGrainWithStringKey
{
}
