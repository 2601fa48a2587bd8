namespace ProctorWise.Grains.Grading;

/// <summary>The grade of one question in a submission.</summary>
[GenerateSerializer, Alias("pw.grade-entry")]
public sealed class GradeEntry
{
    /// <summary>Points awarded; null while waiting for the teacher.</summary>
    [Id(0)] public decimal? Score { get; set; }

    /// <summary>Fully correct or not; null when not applicable.</summary>
    [Id(1)] public bool? Correct { get; set; }

    /// <summary>Feedback for the student.</summary>
    [Id(2)] public string? Feedback { get; set; }

    /// <summary>"auto" or the grading teacher's id.</summary>
    [Id(3)] public string? GradedBy { get; set; }

    /// <summary>When it was graded.</summary>
    [Id(4)] public DateTimeOffset? GradedAt { get; set; }
}
