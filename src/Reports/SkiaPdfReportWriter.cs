using System.Globalization;
using ProctorWise.Grains.Ports;
using SkiaSharp;

namespace ProctorWise.Reports;

/// <summary>
/// <see cref="IPdfReportWriter"/> on SkiaSharp's PDF backend: A4 pages, DejaVu Sans embedded as a subset with its
/// Unicode map (text is selectable and extractable), charts as vector paths, and on every page a footer with the
/// report, the period, the generation time and "Page n of m".
/// </summary>
public sealed class SkiaPdfReportWriter(ReportFonts fonts) : IPdfReportWriter
{
    public byte[] Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (regular, bold) = fonts.Get();
        using var kit = new PdfKit(regular, bold);
        var pages = new PdfLayout(kit).Lay(document);
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = $"{document.Title}: {document.Subject}";
        metadata.Subject = document.Period;
        metadata.Author = "ProctorWise";
        metadata.Creator = "ProctorWise";
        metadata.Creation = document.GeneratedAt.UtcDateTime;
        metadata.Modified = document.GeneratedAt.UtcDateTime;

        using var output = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PdfKit.PageWidth, PdfKit.PageHeight);
                foreach (var draw in pages[i])
                {
                    draw(canvas);
                }

                Footer(canvas, kit, document, i + 1, pages.Count);
                pdf.EndPage();
            }

            pdf.Close();
        }

        return output.ToArray();
    }

    /// <summary>Two lines: what the report is, then when it was generated and its period (never cut), and the page number.</summary>
    private static void Footer(SKCanvas canvas, PdfKit kit, ReportDocument document, int page, int pages)
    {
        var right = PdfKit.Margin + PdfKit.ContentWidth;
        canvas.DrawLine(PdfKit.Margin, PdfKit.FooterBaseline - 22, right, PdfKit.FooterBaseline - 22, kit.Rule);
        var number = string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages}");
        canvas.DrawText(number, right, PdfKit.FooterBaseline, SKTextAlign.Right, kit.Small, kit.Muted);
        var room = PdfKit.ContentWidth - kit.Small.MeasureText(number) - 16;
        canvas.DrawText(PdfKit.Fit($"ProctorWise · {document.Title} · {document.Subject}", kit.Small, room), PdfKit.Margin, PdfKit.FooterBaseline - 11,
            SKTextAlign.Left, kit.Small, kit.Muted);
        var generated = document.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        canvas.DrawText(PdfKit.Fit($"Generated {generated} · period: {document.Period}", kit.Small, room), PdfKit.Margin, PdfKit.FooterBaseline,
            SKTextAlign.Left, kit.Small, kit.Muted);
    }
}
