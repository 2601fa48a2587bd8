namespace ProctorWise.WebApi.Tests.Infrastructure;

/// <summary>Analytics API tests on the Spark Connect engine share one host and one fake Spark Connect server.</summary>
[CollectionDefinition(Name)]
public sealed class SparkAnalyticsCollection : ICollectionFixture<SparkAnalyticsApiFactory>
{
    public const string Name = nameof(SparkAnalyticsCollection);
}
