namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>Keys of the <see cref="ISubmissionIndexGrain"/>s.</summary>
public static class SubmissionIndexKeys
{
    /// <summary>The index of an exam's submissions.</summary>
    public static string ForExam(string examId) => "exam/" + examId;

    /// <summary>The index of a student's submissions.</summary>
    public static string ForStudent(string studentId) => "student/" + studentId;
}
