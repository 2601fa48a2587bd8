using System.Globalization;
using ProctorWise.Grains.Ports;
using SkiaSharp;

namespace ProctorWise.Reports;

/// <summary>Draws a <see cref="ReportChart"/> with Skia paths and text: axes, grid, bars or a line, every value printed.</summary>
internal static class PdfChartPainter
{
    private const float CaptionHeight = 20f;
    private const float PlotHeight = 130f;
    private const float ValueRoom = 14f;
    private const float LabelRoom = 22f;
    private const float AxisRoom = 40f;

    public static float Height(ReportChart chart) => chart.Values.Count == 0 ? CaptionHeight + 22f : CaptionHeight + ValueRoom + PlotHeight + LabelRoom + 10f;

    public static void Draw(SKCanvas canvas, PdfKit kit, ReportChart chart, float top)
    {
        canvas.DrawText(chart.Caption, PdfKit.Margin, PdfKit.Baseline(kit.BodyBold, top), SKTextAlign.Left, kit.BodyBold, kit.Ink);
        if (chart.Values.Count == 0)
        {
            canvas.DrawText("No data yet.", PdfKit.Margin, PdfKit.Baseline(kit.Body, top + CaptionHeight), SKTextAlign.Left, kit.Body, kit.Muted);
            return;
        }

        var left = PdfKit.Margin + AxisRoom;
        var right = PdfKit.Margin + PdfKit.ContentWidth;
        var plotTop = top + CaptionHeight + ValueRoom;
        var bottom = plotTop + PlotHeight;
        var (axisMax, step) = Scale(chart.Maximum ?? chart.Values.Max());

        for (var tick = 0.0; tick <= axisMax + (step / 2); tick += step)
        {
            var y = bottom - (float)(tick / axisMax * PlotHeight);
            canvas.DrawLine(left, y, right, y, kit.Rule);
            canvas.DrawText(tick.ToString("0.##", CultureInfo.InvariantCulture), left - 5, y + 3, SKTextAlign.Right, kit.Small, kit.Muted);
        }

        var slot = (right - left) / chart.Values.Count;
        var points = new SKPoint[chart.Values.Count];
        for (var i = 0; i < chart.Values.Count; i++)
        {
            var value = Math.Max(0, chart.Values[i]);
            var x = left + (slot * (i + 0.5f));
            var y = bottom - (float)(Math.Min(value, axisMax) / axisMax * PlotHeight);
            points[i] = new SKPoint(x, y);
            if (chart.Kind == ReportChartKind.Bar)
            {
                var width = Math.Min(slot * 0.6f, 46f);
                canvas.DrawRect(x - (width / 2), y, width, bottom - y, kit.Accent);
            }

            canvas.DrawText(Value(chart.Values[i], chart.Unit), x, y - 4, SKTextAlign.Center, kit.Small, kit.Ink);
            canvas.DrawText(PdfKit.Fit(chart.Labels[i], kit.Small, slot - 4), x, PdfKit.Baseline(kit.Small, bottom + 5), SKTextAlign.Center, kit.Small, kit.Muted);
        }

        if (chart.Kind == ReportChartKind.Line)
        {
            using var path = new SKPath();
            path.MoveTo(points[0]);
            foreach (var point in points.Skip(1))
            {
                path.LineTo(point);
            }

            canvas.DrawPath(path, kit.AccentStroke);
            foreach (var point in points)
            {
                canvas.DrawCircle(point, 2.8f, kit.Accent);
            }
        }

        canvas.DrawLine(left, bottom, right, bottom, kit.Axis);
        canvas.DrawLine(left, plotTop, left, bottom, kit.Axis);
    }

    public static string Value(double value, string unit) =>
        value.ToString(unit.Trim() == "%" ? "0.0" : "0.##", CultureInfo.InvariantCulture) + unit;

    /// <summary>A top of the axis at or above <paramref name="maximum"/> on a 1–2–2.5–5 step, four steps or so.</summary>
    internal static (double AxisMax, double Step) Scale(double maximum)
    {
        if (maximum <= 0 || double.IsNaN(maximum))
        {
            return (1, 0.25);
        }

        var rough = maximum / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        if (maximum >= 1 && step < 1)
        {
            step = 1;
        }

        return (Math.Ceiling(maximum / step) * step, step);
    }
}
