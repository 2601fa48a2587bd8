using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>
/// The list of exams (singleton, key <c>default</c>): replaces "SELECT … FROM exams". Each exam grain
/// keeps its entry (without questions) up to date.
/// </summary>
[Alias("pw.IExamCatalogGrain")]
public interface IExamCatalogGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes an exam's entry.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(ExamView exam);

    /// <summary>Exams this caller may list: teachers their own, admins all, others the published ones.</summary>
    [Alias("List")]
    Task<PagedResult<ExamView>> ListAsync(Caller caller, PageRequest page);

    /// <summary>
    /// The titles of the exams among <paramref name="examIds"/> (whatever their status), in one call, for read models
    /// that name exams someone took (a student's own analytics); an id the catalog does not hold is left out.
    /// </summary>
    [Alias("Titles")]
    Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyList<string> examIds);
}
