namespace ProctorWise.TestSupport;

/// <summary>Files the tests need from the repository (models, photos fetched by scripts).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding ProctorWise.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The face model fetched by scripts/fetch-models.sh.</summary>
    public static string FaceModel => Path.Combine(Root, "models", "face_detection_back_256x256_barracuda.onnx");

    /// <summary>A test photo fetched by scripts/fetch-test-photos.sh; fails with the fix when missing.</summary>
    public static string Photo(string name)
    {
        var path = Path.Combine(Root, "tests", "data", "photos", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run scripts/fetch-test-photos.sh (CI does).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProctorWise.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (ProctorWise.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
