namespace ProctorWise.Grains.Ports;

/// <summary>A section heading; it never ends a page (it moves to the next page with what follows).</summary>
/// <param name="Text">The heading.</param>
public sealed record class ReportHeading(string Text) : ReportBlock;
