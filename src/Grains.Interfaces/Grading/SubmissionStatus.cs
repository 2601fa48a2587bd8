namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>The grading life cycle of a submission.</summary>
[GenerateSerializer, Alias("pw.submission-status")]
public enum SubmissionStatus
{
    /// <summary>Every question was graded automatically.</summary>
    AutoGraded = 0,

    /// <summary>Some answers (essays) wait for the teacher.</summary>
    AwaitingManual = 1,

    /// <summary>Every answer has a grade; not yet visible to the student.</summary>
    Graded = 2,

    /// <summary>Visible to the student.</summary>
    Published = 3,
}
