using ProctorWise.Grains.Ports;
using SkiaSharp;

namespace ProctorWise.Reports;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out on A4 pages: each piece is measured, placed at the current height, and moved
/// to a new page when it does not fit. The result is the drawing of every page, so the total page count is known
/// before any page is drawn ("Page 2 of 3").
/// </summary>
internal sealed class PdfLayout(PdfKit kit)
{
    private const float CellPadding = 4f;
    private const float SmallLine = 11.5f;
    private readonly List<List<Action<SKCanvas>>> _pages = [];
    private float _y;

    public List<List<Action<SKCanvas>>> Lay(ReportDocument document)
    {
        NewPage();
        TitleBlock(document);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    // A heading keeps company with the first lines of what follows.
                    Ensure(28f + 80f);
                    Place(28f, (c, y) => c.DrawText(heading.Text, PdfKit.Margin, PdfKit.Baseline(kit.Heading, y + 10), SKTextAlign.Left, kit.Heading, kit.Ink));
                    break;
                case ReportParagraph paragraph:
                    Lines(paragraph.Text, kit.Body, kit.Ink, 14f);
                    _y += 6;
                    break;
                case ReportFacts facts:
                    Facts(facts);
                    break;
                case ReportGrid grid:
                    Grid(grid);
                    break;
                case ReportChart chart:
                    Place(PdfChartPainter.Height(chart), (c, y) => PdfChartPainter.Draw(c, kit, chart, y));
                    _y += 8;
                    break;
                default:
                    throw new ArgumentException($"No layout for {block.GetType().Name}.", nameof(document));
            }
        }

        return _pages;
    }

    private void TitleBlock(ReportDocument document)
    {
        Place(28f, (c, y) => c.DrawText(document.Title, PdfKit.Margin, PdfKit.Baseline(kit.Title, y), SKTextAlign.Left, kit.Title, kit.Ink));
        Lines(document.Subject, kit.Subtitle, kit.Ink, 18f);
        Lines("Period: " + document.Period, kit.Body, kit.Muted, 14f);
        Lines("Generated: " + document.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture), kit.Body, kit.Muted, 14f);
        Place(12f, (c, y) => c.DrawLine(PdfKit.Margin, y + 6, PdfKit.Margin + PdfKit.ContentWidth, y + 6, kit.Rule));
    }

    private void Lines(string text, SKFont font, SKPaint paint, float lineHeight)
    {
        foreach (var line in PdfKit.Wrap(text, font, PdfKit.ContentWidth))
        {
            Place(lineHeight, (c, y) => c.DrawText(line, PdfKit.Margin, PdfKit.Baseline(font, y), SKTextAlign.Left, font, paint));
        }
    }

    private void Facts(ReportFacts facts)
    {
        // Two columns when every pair fits in half the width, else one.
        const float Gap = 24f;
        var half = (PdfKit.ContentWidth - Gap) / 2;
        var columns = facts.Facts.All(f => kit.Body.MeasureText(f.Label) + kit.BodyBold.MeasureText(f.Value) + 16 <= half) ? 2 : 1;
        var width = columns == 2 ? half : PdfKit.ContentWidth;
        for (var row = 0; row * columns < facts.Facts.Count; row++)
        {
            var pairs = facts.Facts.Skip(row * columns).Take(columns).ToArray();
            var heights = pairs.Select(p => PdfKit.Wrap(p.Value, kit.BodyBold, width * 0.55f).Count).Max();
            Place((heights * 13f) + 6f, (c, y) =>
            {
                for (var i = 0; i < pairs.Length; i++)
                {
                    var x = PdfKit.Margin + (i * (half + Gap));
                    var lines = PdfKit.Wrap(pairs[i].Value, kit.BodyBold, width * 0.55f);
                    var labelWidth = width - lines.Max(l => kit.BodyBold.MeasureText(l)) - 12;
                    c.DrawText(PdfKit.Fit(pairs[i].Label, kit.Body, labelWidth), x, PdfKit.Baseline(kit.Body, y + 2), SKTextAlign.Left, kit.Body, kit.Muted);
                    for (var l = 0; l < lines.Count; l++)
                    {
                        c.DrawText(lines[l], x + width, PdfKit.Baseline(kit.BodyBold, y + 2 + (l * 13f)), SKTextAlign.Right, kit.BodyBold, kit.Ink);
                    }

                    var under = y + (lines.Count * 13f) + 4;
                    c.DrawLine(x, under, x + width, under, kit.Rule);
                }
            });
        }

        _y += 10;
    }

    private void Grid(ReportGrid grid)
    {
        var widths = ColumnWidths(grid);
        var header = Row(grid.Columns, widths, kit.SmallBold);
        Ensure(18f + header.Height + (grid.Rows.Count == 0 ? 14f : Row(grid.Rows[0], widths, kit.Small).Height));
        Place(18f, (c, y) => c.DrawText(grid.Caption, PdfKit.Margin, PdfKit.Baseline(kit.BodyBold, y + 2), SKTextAlign.Left, kit.BodyBold, kit.Ink));
        PlaceRow(header, widths, kit.SmallBold, isHeader: true);
        if (grid.Rows.Count == 0)
        {
            Lines(grid.Empty, kit.Body, kit.Muted, 14f);
        }

        foreach (var cells in grid.Rows)
        {
            var row = Row(cells, widths, kit.Small);
            if (_y + row.Height > PdfKit.Bottom)
            {
                // The table goes on over the page: its header again on top.
                NewPage();
                PlaceRow(header, widths, kit.SmallBold, isHeader: true);
            }

            PlaceRow(row, widths, kit.Small, isHeader: false);
        }

        _y += 12;
    }

    private static (List<string>[] Cells, float Height) Row(IReadOnlyList<string> cells, float[] widths, SKFont font)
    {
        var wrapped = cells.Select((text, i) => PdfKit.Wrap(text, font, widths[i] - (2 * CellPadding))).ToArray();
        return (wrapped, (wrapped.Max(w => w.Count) * SmallLine) + (2 * CellPadding));
    }

    private void PlaceRow((List<string>[] Cells, float Height) row, float[] widths, SKFont font, bool isHeader) =>
        Place(row.Height, (c, y) =>
        {
            if (isHeader)
            {
                c.DrawRect(PdfKit.Margin, y, PdfKit.ContentWidth, row.Height, kit.HeaderFill);
            }

            var x = PdfKit.Margin;
            for (var i = 0; i < row.Cells.Length; i++)
            {
                for (var l = 0; l < row.Cells[i].Count; l++)
                {
                    c.DrawText(row.Cells[i][l], x + CellPadding, PdfKit.Baseline(font, y + CellPadding + (l * SmallLine)), SKTextAlign.Left, font, kit.Ink);
                }

                x += widths[i];
            }

            c.DrawLine(PdfKit.Margin, y + row.Height, PdfKit.Margin + PdfKit.ContentWidth, y + row.Height, kit.Rule);
        });

    /// <summary>Widths in proportion to each column's widest cell (header included), spread over the content width.</summary>
    private float[] ColumnWidths(ReportGrid grid)
    {
        var natural = grid.Columns.Select((name, i) =>
            Math.Max(kit.SmallBold.MeasureText(name), grid.Rows.Select(r => i < r.Count ? kit.Small.MeasureText(r[i]) : 0).DefaultIfEmpty(0).Max())
            + (2 * CellPadding) + 2).ToArray();
        var total = natural.Sum();
        return [.. natural.Select(w => w / total * PdfKit.ContentWidth)];
    }

    private void NewPage()
    {
        _pages.Add([]);
        _y = PdfKit.Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one (or the page is empty).</summary>
    private void Ensure(float height)
    {
        if (_y + height > PdfKit.Bottom && _y > PdfKit.Top)
        {
            NewPage();
        }
    }

    private void Place(float height, Action<SKCanvas, float> draw)
    {
        Ensure(height);
        var top = _y;
        _pages[^1].Add(canvas => draw(canvas, top));
        _y += height;
    }
}
