namespace ProctorWise.Grains.Ports;

/// <summary>How a <see cref="ReportChart"/> draws its values.</summary>
public enum ReportChartKind
{
    /// <summary>One bar per value.</summary>
    Bar,

    /// <summary>Points joined by a line, in order.</summary>
    Line,
}
