namespace ProctorWise.Reports;

/// <summary>PDF reports (configuration section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>Where Debian's <c>fonts-dejavu-core</c> puts the fonts.</summary>
    public const string DefaultFontDirectory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The folder holding <c>DejaVuSans.ttf</c> and <c>DejaVuSans-Bold.ttf</c>, embedded (subset) in every report.</summary>
    public string FontDirectory { get; set; } = DefaultFontDirectory;
}
