namespace ProctorWise.Grains.Ports;

/// <summary>A table; cells wrap, and a table longer than a page continues on the next with its header repeated.</summary>
/// <param name="Caption">Its caption.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Rows of formatted cells, as many as columns.</param>
/// <param name="Empty">What to print instead when there is no row.</param>
public sealed record class ReportGrid(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string Empty) : ReportBlock;
