namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>Analytics job tests share one cluster and lake; each runs periods no other test uses.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyticsClusterCollection : ICollectionFixture<AnalyticsClusterFixture>
{
    public const string Name = nameof(AnalyticsClusterCollection);
}
