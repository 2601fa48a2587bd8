namespace ProctorWise.Analytics.Portability;

/// <summary>Something in a job's SQL that does not run unchanged on both DuckDB and Spark SQL.</summary>
/// <param name="Line">The 1-based line it is on.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
public sealed record LintFinding(int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {Message}";
}
