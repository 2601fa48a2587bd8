using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>The grading of one attempt (key: submission id): automatic grades, manual grades, publication.</summary>
[Alias("pw.ISubmissionGrain")]
public interface ISubmissionGrain : IGrainWithStringKey
{
    /// <summary>Creates and auto-grades the submission; repeating it returns the existing one.</summary>
    [Alias("Create")]
    Task<SubmissionView> CreateAsync(SubmissionInput input);

    /// <summary>The submission as the caller may see it (its student, the exam owner, admins).</summary>
    [Alias("Get")]
    Task<SubmissionView> GetAsync(Caller caller);

    /// <summary>Sets a question's score and feedback (exam owner or admin), without a reason; kept for callers built before reasons.</summary>
    [Alias("Grade")]
    Task<SubmissionView> GradeAsync(Caller caller, string questionId, decimal score, string? feedback);

    /// <summary>
    /// Sets a question's score and feedback (exam owner or admin). After publication a change is recorded (who, when,
    /// old → new, <paramref name="reason"/>) and announced (<c>PublishedGradeChanged</c>); the result stays published.
    /// After publication, repeating the same grade and feedback records nothing.
    /// </summary>
    [Alias("GradeWithReason")]
    Task<SubmissionView> GradeAsync(Caller caller, string questionId, decimal score, string? feedback, string? reason);

    /// <summary>Makes the result visible to the student; 409 while answers await manual grading.</summary>
    [Alias("Publish")]
    Task<SubmissionView> PublishAsync(Caller caller);
}
