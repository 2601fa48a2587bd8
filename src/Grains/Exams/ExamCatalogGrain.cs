using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Exams;

/// <inheritdoc cref="IExamCatalogGrain"/>
public sealed class ExamCatalogGrain(
    [PersistentState(StateNames.ExamCatalog, StorageNames.Default)] IPersistentState<ExamCatalogState> catalog)
    : Grain, IExamCatalogGrain
{
    public async Task UpsertAsync(ExamView exam)
    {
        var entry = exam with { Questions = null };
        if (catalog.State.Exams.TryGetValue(exam.Id, out var known) && known == entry)
        {
            return;
        }

        catalog.State.Exams[exam.Id] = entry;
        await catalog.WriteStateAsync();
    }

    public Task<PagedResult<ExamView>> ListAsync(Caller caller, PageRequest page)
    {
        var exams = catalog.State.Exams.Values
            .Where(e => caller.Role switch
            {
                UserRole.Admin => true,
                UserRole.Teacher => caller.IsOwningTeacher(e.OwnerId),
                _ => e.Status == ExamStatus.Published,
            })
            .OrderByDescending(e => e.CreatedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => caller.IsAdmin || caller.IsOwningTeacher(e.OwnerId) ? e with { Monitoring = e.Monitoring ?? ExamMonitoring.Of(e.Proctoring) } : e.WithoutStaffDetails())
            .ToList();
        return Task.FromResult(page.Apply(exams));
    }

    public Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyList<string> examIds)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in examIds)
        {
            if (catalog.State.Exams.TryGetValue(id, out var exam))
            {
                titles[id] = exam.Title;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(titles);
    }
}
