using ProctorWise.TestSupport;

namespace ProctorWise.Benchmarks.Vision;

/// <summary>Model files used by the benchmarks (fetched by the scripts in scripts/).</summary>
internal static class BenchmarkModels
{
    public static string Face => RepositoryPaths.FaceModel;

    public static string HaarCascade => Path.Combine(RepositoryPaths.Root, "models", "haarcascade_frontalface_default.xml");
}
