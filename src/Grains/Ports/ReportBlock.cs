namespace ProctorWise.Grains.Ports;

/// <summary>One block of a <see cref="ReportDocument"/>: a heading, a paragraph, key figures, a table or a chart.</summary>
public abstract record class ReportBlock;
