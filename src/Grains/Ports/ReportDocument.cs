namespace ProctorWise.Grains.Ports;

/// <summary>A printable report: a title block, then blocks laid out top to bottom over as many pages as they need.</summary>
/// <param name="Title">The report's title (also the PDF's title).</param>
/// <param name="Subject">Whom or what it is about (a student's name, an exam's title).</param>
/// <param name="Period">The period its figures cover, in words.</param>
/// <param name="GeneratedAt">When the figures were read (UTC), printed on every page.</param>
/// <param name="Blocks">The content.</param>
public sealed record class ReportDocument(string Title, string Subject, string Period, DateTimeOffset GeneratedAt, IReadOnlyList<ReportBlock> Blocks);
