namespace ProctorWise.WebApi.Tests.Infrastructure;

/// <summary>Analytics API tests share one host over one temporary lake; each writes events for its own exams and users.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsApiFactory>
{
    public const string Name = nameof(AnalyticsCollection);
}
