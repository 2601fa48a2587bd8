namespace ProctorWise.Grains.Ports;

/// <summary>Key figures as label–value pairs, laid out in columns.</summary>
/// <param name="Facts">The figures.</param>
public sealed record class ReportFacts(IReadOnlyList<ReportFact> Facts) : ReportBlock;
