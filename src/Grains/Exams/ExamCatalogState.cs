using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Exams;

/// <summary>The persisted exam list.</summary>
[GenerateSerializer, Alias("pw.exam-catalog-state")]
public sealed class ExamCatalogState
{
    /// <summary>Exams by id, without questions.</summary>
    [Id(0)] public Dictionary<string, ExamView> Exams { get; set; } = new(StringComparer.Ordinal);
}
