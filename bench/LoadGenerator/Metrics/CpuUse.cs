namespace ProctorWise.LoadGenerator.Metrics;

/// <summary>Average cores in use during a stage's load phase; null where it could not be read.</summary>
/// <param name="App">The app's process.</param>
/// <param name="Generator">This process.</param>
/// <param name="Machine">Every process on the machine.</param>
internal readonly record struct CpuUse(double? App, double Generator, double? Machine);
