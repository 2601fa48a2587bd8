using SkiaSharp;

namespace ProctorWise.Reports;

/// <summary>The page geometry, fonts and paints of a report, and text measuring; one per PDF written.</summary>
internal sealed class PdfKit : IDisposable
{
    /// <summary>A4 in points (210 × 297 mm at 72 points per inch).</summary>
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 50f;
    public const float Top = 50f;

    /// <summary>Content stops here; the footer sits below.</summary>
    public const float Bottom = PageHeight - 60f;
    public const float FooterBaseline = PageHeight - 30f;
    public const float ContentWidth = PageWidth - (2 * Margin);

    public PdfKit(SKTypeface regular, SKTypeface bold)
    {
        Title = Font(bold, 20);
        Subtitle = Font(regular, 13);
        Heading = Font(bold, 14);
        Body = Font(regular, 10);
        BodyBold = Font(bold, 10);
        Small = Font(regular, 8.5f);
        SmallBold = Font(bold, 8.5f);
    }

    public SKFont Title { get; }
    public SKFont Subtitle { get; }
    public SKFont Heading { get; }
    public SKFont Body { get; }
    public SKFont BodyBold { get; }
    public SKFont Small { get; }
    public SKFont SmallBold { get; }

    public SKPaint Ink { get; } = Fill(new SKColor(0x1a, 0x1d, 0x23));
    public SKPaint Muted { get; } = Fill(new SKColor(0x4f, 0x56, 0x62));

    /// <summary>Bars and lines: the first colour of the web client's chart palette (lib/chart-palette.ts).</summary>
    public SKPaint Accent { get; } = Fill(new SKColor(0x25, 0x63, 0xa8));
    public SKPaint AccentStroke { get; } = Stroke(new SKColor(0x25, 0x63, 0xa8), 1.6f);
    public SKPaint HeaderFill { get; } = Fill(new SKColor(0xee, 0xf1, 0xf5));
    public SKPaint Rule { get; } = Stroke(new SKColor(0xc9, 0xce, 0xd6), 0.6f);
    public SKPaint Axis { get; } = Stroke(new SKColor(0x4f, 0x56, 0x62), 0.8f);

    /// <summary>The baseline of a line of <paramref name="font"/> whose top is <paramref name="top"/>.</summary>
    public static float Baseline(SKFont font, float top) => top - font.Metrics.Ascent;

    /// <summary>Greedy word wrap to <paramref name="width"/>; a word wider than a line is cut.</summary>
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && font.MeasureText(line) > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && font.MeasureText(line[..cut]) > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The text, cut with an ellipsis to fit <paramref name="width"/>.</summary>
    public static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && font.MeasureText(string.Concat(text.AsSpan(0, length), "…")) > width)
        {
            length--;
        }

        return length == 0 ? string.Empty : string.Concat(text.AsSpan(0, length), "…");
    }

    public void Dispose()
    {
        foreach (var font in new[] { Title, Subtitle, Heading, Body, BodyBold, Small, SmallBold })
        {
            font.Dispose();
        }

        foreach (var paint in new[] { Ink, Muted, Accent, AccentStroke, HeaderFill, Rule, Axis })
        {
            paint.Dispose();
        }
    }

    /// <summary>
    /// Unhinted, subpixel, linear metrics: glyphs are placed at the font's own advances, which are the widths the PDF
    /// declares. With hinting, advances are rounded to whole points and text extractors see gaps inside words ("N ame").
    /// </summary>
    private static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };

    private static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor color, float width) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
}
