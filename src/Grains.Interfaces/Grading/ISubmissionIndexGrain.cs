using ProctorWise.Grains.Interfaces.Common;

namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>
/// Submission ids of one exam or one student, oldest first (key: <see cref="SubmissionIndexKeys"/>).
/// Replaces "SELECT id FROM submissions WHERE …".
/// </summary>
[Alias("pw.ISubmissionIndexGrain")]
public interface ISubmissionIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds an id (idempotent).</summary>
    [Alias("Add")]
    Task AddAsync(string submissionId);

    /// <summary>One page of ids, newest first.</summary>
    [Alias("List")]
    Task<PagedResult<string>> ListAsync(PageRequest page);
}
