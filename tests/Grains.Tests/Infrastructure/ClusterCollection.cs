namespace ProctorWise.Grains.Tests.Infrastructure;

/// <summary>Grain tests share one cluster; each uses fresh keys and never depends on another's data.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = nameof(ClusterCollection);
}
