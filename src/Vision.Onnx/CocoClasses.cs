namespace ProctorWise.Vision.Onnx;

/// <summary>The COCO classes the proctoring rules care about.</summary>
internal static class CocoClasses
{
    public const int Person = 0;
    public const int Laptop = 63;
    public const int CellPhone = 67;
    public const int Book = 73;

    /// <summary>Class id to label, for the classes that are reported.</summary>
    public static IReadOnlyDictionary<int, string> Watched { get; } = new Dictionary<int, string>
    {
        [Person] = "person",
        [Laptop] = "laptop",
        [CellPhone] = "cell phone",
        [Book] = "book",
    };
}
