namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>The life cycle of an exam.</summary>
[GenerateSerializer, Alias("pw.exam-status")]
public enum ExamStatus
{
    /// <summary>Being written; only its owner sees it.</summary>
    Draft = 0,

    /// <summary>Visible to students, bookable.</summary>
    Published = 1,

    /// <summary>Hidden from students, slots closed, history kept.</summary>
    Archived = 2,
}
