namespace ProctorWise.Grains.Ports;

/// <summary>A one-series chart, drawn as vectors with its values printed (so the PDF's text holds the figures too).</summary>
/// <param name="Caption">Its caption.</param>
/// <param name="Kind">Bars or a line.</param>
/// <param name="Labels">One label per value, along the x axis.</param>
/// <param name="Values">The values.</param>
/// <param name="Unit">Appended to printed values (<c>%</c>) or empty.</param>
/// <param name="Maximum">The top of the y axis, or null for the highest value.</param>
public sealed record class ReportChart(string Caption, ReportChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, string Unit, double? Maximum) : ReportBlock;
