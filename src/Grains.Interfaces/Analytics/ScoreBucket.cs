namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>How many graded submissions scored in a range of percentages (upper bound inclusive).</summary>
/// <param name="Range">The range: <c>0-20</c>, <c>21-40</c>, <c>41-60</c>, <c>61-80</c>, <c>81-100</c>.</param>
/// <param name="Count">The submissions in it.</param>
[GenerateSerializer, Immutable, Alias("pw.score-bucket")]
public sealed record class ScoreBucket(string Range, long Count);
