using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>The end-to-end scenario on the embedded DuckDB engine (the default).</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsEndToEndTests(AnalyticsApiFactory factory) : AnalyticsEndToEndScenario(factory);

/// <summary>
/// The same scenario on a silo started with <c>Analytics:Engine=SparkConnect</c>: the jobs run through Spark Connect
/// (against the fake server), and the exam and user figures (reports) and the dataset pages are read back through it.
/// </summary>
[Collection(SparkAnalyticsCollection.Name)]
public sealed class SparkAnalyticsEndToEndTests(SparkAnalyticsApiFactory factory) : AnalyticsEndToEndScenario(factory);
