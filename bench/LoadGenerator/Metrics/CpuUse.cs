namespace ProctorWise.LoadGenerator.Metrics;

/// <summary>Average cores in use during an interval; null where it could not be read.</summary>
/// <param name="App">The app's process.</param>
/// <param name="Generator">This process.</param>
/// <param name="Machine">Every process on the machine.</param>
internal readonly record struct CpuUse(double? App, double Generator, double? Machine)
{
    /// <summary>Everything else on the machine (builds, tests, other sessions): load the measurement did not ask for.</summary>
    public double? Other => Machine is { } machine && App is { } app ? Math.Max(0, machine - app - Generator) : null;
}
