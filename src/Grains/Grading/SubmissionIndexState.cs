namespace ProctorWise.Grains.Grading;

/// <summary>The persisted list of submission ids.</summary>
[GenerateSerializer, Alias("pw.submission-index-state")]
public sealed class SubmissionIndexState
{
    /// <summary>Ids in arrival order.</summary>
    [Id(0)] public List<string> Ids { get; set; } = [];
}
