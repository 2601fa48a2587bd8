namespace ProctorWise.Grains.Ports;

/// <summary>Running text, wrapped to the page's width.</summary>
/// <param name="Text">The text.</param>
public sealed record class ReportParagraph(string Text) : ReportBlock;
