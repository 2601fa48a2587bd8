namespace ProctorWise.Grains.Ports;

/// <summary>One key figure.</summary>
/// <param name="Label">What it is.</param>
/// <param name="Value">Its value, formatted.</param>
public sealed record class ReportFact(string Label, string Value);
