using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using ProctorWise.TestSupport;

namespace ProctorWise.Browser.Tests.Infrastructure;

/// <summary>
/// How a page looks rather than what it says: the colour scheme it is drawn in, its charts' text, and whether it fits
/// the window (issue 15: "light and dark readable; usable at 1280 px and at phone width").
/// </summary>
public static class Appearance
{
    /// <summary>
    /// The page is in the dark theme: the document's background is dark and its text light (read from the computed
    /// style, so a stylesheet without a dark theme fails here, where axe alone would pass the light one).
    /// </summary>
    public static async Task AssertDarkThemeAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var colours = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.documentElement); return [s.backgroundColor, s.color]; }");
        Assert.True(Luminance(colours[0]) < 0.05, $"the page background is dark in the dark scheme, not {colours[0]}");
        Assert.True(Luminance(colours[1]) > 0.6, $"the page text is light in the dark scheme, not {colours[1]}");
    }

    /// <summary>
    /// Waits until each chart on the page with data has been laid out (<c>data-points</c> set, a canvas present)
    /// and returns, per canvas, how many of its pixels are opaque and light. The series colours are all mid-tone,
    /// so light pixels are the axis labels and legend drawn in the dark theme's text colour; in the light theme
    /// there are none.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ChartLightPixelsAsync(IPage page, int expectedCharts)
    {
        ArgumentNullException.ThrowIfNull(page);
        var counts = await Eventually.UntilAsync(
            async () => (await page.EvaluateAsync<JsonElement>(
                """
                () => [...document.querySelectorAll('figure.chart')].filter(f => f.querySelector('canvas')).map(f => {
                  if (!f.hasAttribute('data-points')) return -1;
                  const c = f.querySelector('canvas');
                  if (c.width === 0 || c.height === 0) return -1;
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let light = 0;
                  for (let i = 0; i < d.length; i += 4) {
                    if (d[i + 3] > 200 && Math.min(d[i], d[i + 1], d[i + 2]) > 190) light++;
                  }
                  return light;
                })
                """)).EnumerateArray().Select(e => e.GetInt32()).ToList(),
            found => found.Count == expectedCharts && found.All(n => n >= 0),
            $"{expectedCharts} chart(s) drawn",
            describe: found => $"[{string.Join(", ", found)}] (-1: not drawn yet)");
        return counts;
    }

    /// <summary>Waits until every chart with data draws light text (the dark theme's axis labels and legend).</summary>
    public static async Task AssertChartsDrawnForDarkAsync(IPage page, int expectedCharts)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Eventually.UntilAsync(
            () => ChartLightPixelsAsync(page, expectedCharts),
            counts => counts.All(n => n > 0),
            $"{expectedCharts} chart(s) drawn with light labels",
            describe: counts => $"light pixels per chart [{string.Join(", ", counts)}]");
    }

    /// <summary>
    /// At <paramref name="width"/> × <paramref name="height"/> the document does not scroll sideways (wide tables
    /// scroll inside their own box), and every element matched by <paramref name="visible"/> is laid out inside the
    /// window's width; then a full-page screenshot is taken. The viewport is left at that size.
    /// </summary>
    public static async Task AssertFitsAsync(BrowserFixture fixture, IPage page, int width, int height, string screenshot, params string[] visible)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(visible);
        await page.SetViewportSizeAsync(width, height);
        // Charts follow their box through a ResizeObserver and redraw a few frames later: wait for the layout to settle.
        await Eventually.UntilAsync(
            () => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"),
            overflow => overflow <= 0,
            $"the page fits a window {width} px wide",
            describe: overflow => $"{overflow} px too wide");
        foreach (var selector in visible)
        {
            var matched = page.Locator(selector);
            await Assertions.Expect(matched.First).ToBeVisibleAsync();
            var outside = await matched.EvaluateAllAsync<string[]>(
                """
                els => els.map((e, i) => [i, e.getBoundingClientRect()])
                  .filter(([, r]) => r.width <= 0 || r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5)
                  .map(([i, r]) => `#${i}: ${Math.round(r.left)}–${Math.round(r.right)} px`)
                """);
            Assert.True(outside.Length == 0, $"at {width} px, {selector} lies outside the window: {string.Join("; ", outside)}");
        }

        await fixture.ScreenshotAsync(page, screenshot);
    }

    /// <summary>Relative luminance (WCAG) of a computed colour, "rgb(r, g, b)" or "rgba(r, g, b, a)".</summary>
    private static double Luminance(string computed)
    {
        var channels = computed[(computed.IndexOf('(', StringComparison.Ordinal) + 1)..computed.IndexOf(')', StringComparison.Ordinal)]
            .Split(',').Take(3).Select(c => double.Parse(c.Trim(), CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
        return (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]);
    }
}
