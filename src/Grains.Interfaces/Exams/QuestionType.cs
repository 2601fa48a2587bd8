namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>The kinds of questions (docs/API.md §3 <c>question.type</c>).</summary>
[GenerateSerializer, Alias("pw.question-type")]
public enum QuestionType
{
    /// <summary>Options with exactly one correct index.</summary>
    SingleChoice = 0,

    /// <summary>Options with one or more correct indexes; partial credit (see docs/grading.md).</summary>
    MultipleChoice = 1,

    /// <summary>Implicit options <c>["true","false"]</c>; correct is [0] or [1].</summary>
    TrueFalse = 2,

    /// <summary>A short text compared with <c>correctText</c>.</summary>
    ShortAnswer = 3,

    /// <summary>Free text graded by the teacher.</summary>
    Essay = 4,
}
