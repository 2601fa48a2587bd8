using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics.Reading;

/// <inheritdoc cref="IAnalyticsReaderGrain"/>
/// <remarks>
/// Stateless and reentrant: it holds nothing, and a report waits on the engine's worker (off the scheduler), so one
/// activation per silo serves concurrent readers; the engine bounds how many reads run at once.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class AnalyticsReaderGrain(
    IAnalyticsReports reports,
    IAnalyticsEngine engine,
    AnalyticsLake lake,
    IOptions<AnalyticsAlertOptions> alerts,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IAnalyticsReaderGrain
{
    public async Task<ExamAnalyticsView> GetExamAsync(Caller caller, string examId)
    {
        // The exam grain knows its owner (and whether it exists): it throws 404/403 for anyone else.
        var exam = GrainFactory.GetGrain<IExamGrain>(examId);
        await exam.AuthorizeOwnerAsync(caller);
        var definition = await exam.GetAsync(caller);
        var pages = await reports.QueryAsync(new(lake.Root, ExamFigures.Reports,
            ExamFigures.Parameters(examId, definition.PassMarkPercent, definition.DurationMinutes)));
        var names = await NamesAsync(ExamFigures.AnomalyStudents(pages));
        return ExamFigures.From(examId, definition.PassMarkPercent, definition.DurationMinutes, pages, names, clock.GetUtcNow());
    }

    public async Task<UserAnalyticsView> GetUserAsync(Caller caller, string userId)
    {
        if (!caller.IsAdmin && !string.Equals(caller.UserId, userId, StringComparison.Ordinal))
        {
            // A student is not told whether another account exists; staff learn only that it is not theirs.
            throw caller.Role == UserRole.Student ? ProctorWiseException.NotFound("User") : ProctorWiseException.Forbidden("Only the user and admins may read a user's analytics.");
        }

        if (await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync() is null)
        {
            throw ProctorWiseException.NotFound("User");
        }

        var pages = await reports.QueryAsync(new(lake.Root, UserFigures.Reports, UserFigures.Parameters(userId)));
        // The lake's facts carry exam ids only; the catalog names them all in one call (a student shows titles, not ids).
        var examIds = UserFigures.ExamIds(pages);
        var titles = examIds.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await GrainFactory.GetGrain<IExamCatalogGrain>(SingletonKeys.Default).TitlesAsync(examIds);
        return UserFigures.From(userId, pages, titles, clock.GetUtcNow());
    }

    public async Task<PlatformAnalyticsView> GetPlatformAsync(Caller caller)
    {
        EnsureAdmin(caller);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var users = GrainFactory.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default).CountAsync();
        var exams = GrainFactory.GetGrain<IExamCatalogGrain>(SingletonKeys.Default).ListAsync(caller, new PageRequest(1, 1));
        var pages = reports.QueryAsync(new(lake.Root, PlatformFigures.Reports, PlatformFigures.Parameters(today, alerts.Value)));
        var lastRun = LastRunAsync(now);
        return PlatformFigures.From(await users, (await exams).Total, today, await pages, await lastRun, alerts.Value, now);
    }

    public async Task<DatasetPageView> ReadDatasetAsync(Caller caller, DatasetQuery query)
    {
        EnsureAdmin(caller);
        var job = JobCatalog.Find(query.Job)
            ?? throw ProctorWiseException.Invalid("job", $"'{query.Job}' is not an analytics job; the jobs are {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
        if (!AnalyticsPeriod.TryParse(job.PeriodKind, query.Period, out var period))
        {
            throw ProctorWiseException.Invalid("period", $"'{query.Period}' is not a period of {job.Name}; expected {AnalyticsPeriod.Example(job.PeriodKind)}.");
        }

        if (job.FindDataset(query.Dataset) is null)
        {
            throw ProctorWiseException.Invalid("dataset", $"'{query.Dataset}' is not a dataset of {job.Name}; it has {string.Join(", ", job.Datasets.Select(d => d.Name))}.");
        }

        AnalyticsPage? page;
        try
        {
            page = await engine.ReadAsync(new(lake.Root, job.Name, period, query.Dataset, query.Offset, query.Limit, query.SortBy, query.Descending));
        }
        catch (InvalidAnalyticsRequestException exception)
        {
            // The engine checks the sort column against the written dataset's own columns.
            throw ProctorWiseException.Invalid(exception.Field, exception.Message);
        }

        return page is null
            ? throw ProctorWiseException.NotFound($"The output of {job.Name} for {period.Key}")
            : new DatasetPageView(job.Name, period.Key, query.Dataset, page.Columns, page.Rows, page.TotalRows);
    }

    /// <summary>The daily run of the day before today (what the schedule ran last), or null while it has not run.</summary>
    private async Task<LastRunFigures?> LastRunAsync(DateTimeOffset now)
    {
        var period = AnalyticsPeriod.LastCompleted(PeriodKind.Daily, now);
        var pages = new List<AnalyticsPage>();
        for (long offset = 0; ; offset += AnalyticsPageRequest.MaxLimit)
        {
            var page = await engine.ReadAsync(new(lake.Root, JobCatalog.DailyAnomalyAggregation, period, "by_exam", offset, AnalyticsPageRequest.MaxLimit));
            if (page is null)
            {
                return null;
            }

            pages.Add(page);
            if (offset + page.Rows.Count >= page.TotalRows || page.Rows.Count == 0)
            {
                return PlatformFigures.LastRun(period.Key, pages);
            }
        }
    }

    /// <summary>The names of the accounts among <paramref name="userIds"/> (only students with an anomaly in one exam, so few).</summary>
    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyList<string> userIds)
    {
        var users = await Task.WhenAll(userIds.Select(id => GrainFactory.GetGrain<IUserGrain>(id).GetAsync()));
        return users.OfType<UserView>().ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
    }

    private static void EnsureAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
        {
            throw ProctorWiseException.Forbidden("Platform analytics are for admins.");
        }
    }
}
