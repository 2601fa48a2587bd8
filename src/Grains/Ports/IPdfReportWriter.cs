namespace ProctorWise.Grains.Ports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as a PDF (A4, embedded fonts, selectable text, charts drawn as vectors, page
/// numbers); implemented with SkiaSharp in src/Reports. A writer that cannot run here (its fonts are missing) throws a
/// <see cref="Interfaces.Errors.ProctorWiseException"/> of kind <c>Unavailable</c> whose message says what to install.
/// </summary>
public interface IPdfReportWriter
{
    /// <summary>The PDF's bytes.</summary>
    byte[] Write(ReportDocument document);
}
