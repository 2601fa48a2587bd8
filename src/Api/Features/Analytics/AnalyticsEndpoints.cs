using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Api.Features.Analytics;

/// <summary>Analytics reads: exam, user and platform figures and the jobs' datasets (docs/analytics.md, "API"). The silos read the lake.</summary>
public static class AnalyticsEndpoints
{
    /// <summary>Maps <c>/api/analytics</c> (reads; the jobs' runs are mapped by their own feature).</summary>
    public static RouteGroupBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization();
        group.MapGet("/exams/{id}", GetExamAsync).RequireAuthorization(Policies.Teacher).WithName("GetExamAnalytics")
            .WithSummary("An exam's graded figures, per-question analytics, completion time and anomalies: its owning teacher and admins.");
        group.MapGet("/exams/{id}/report.pdf", GetExamPdfAsync).RequireAuthorization(Policies.Teacher).WithName("GetExamAnalyticsPdf")
            .WithSummary("The exam's figures as a PDF report (A4, charts, page numbers): its owning teacher and admins.");
        group.MapGet("/exams/{id}/export.csv", GetExamCsvAsync).RequireAuthorization(Policies.Teacher).WithName("GetExamAnalyticsCsv")
            .WithSummary("The exam's figures as one CSV (section,item,figure,value; docs/analytics.md): its owning teacher and admins.");
        group.MapGet("/users/{id}", GetUserAsync).WithName("GetUserAnalytics")
            .WithSummary("A student's published results, trend, areas and anomalies: the user themself and admins.");
        group.MapGet("/users/{id}/report.pdf", GetUserPdfAsync).WithName("GetUserAnalyticsPdf")
            .WithSummary("A student's figures as a PDF report: the user themself and admins.");
        group.MapGet("/users/{id}/export.csv", GetUserCsvAsync).WithName("GetUserAnalyticsCsv")
            .WithSummary("A student's figures and anomaly records as one CSV (section,item,figure,value): the user themself and admins.");
        group.MapGet("/platform", GetPlatformAsync).RequireAuthorization(Policies.Admin).WithName("GetPlatformAnalytics")
            .WithSummary("Platform figures and alerts, each marked live, from the lake, or from the last run: admins.");
        group.MapGet("/datasets/{job}/{period}/{dataset}", GetDatasetAsync).RequireAuthorization(Policies.Admin).WithName("GetAnalyticsDataset")
            .WithSummary("A page of a job's written dataset, or with format=csv the dataset as CSV: admins. 404 while the period has no output.");
        return group;
    }

    private static IAnalyticsReaderGrain Reader(IGrainFactory grains) => grains.GetGrain<IAnalyticsReaderGrain>(0);

    private static async Task<Ok<ExamAnalyticsView>> GetExamAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Reader(grains).GetExamAsync(user.ToCaller(), id));

    private static async Task<Ok<UserAnalyticsView>> GetUserAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Reader(grains).GetUserAsync(user.ToCaller(), id));

    private static async Task<FileContentHttpResult> GetExamPdfAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        Pdf(await grains.GetGrain<IAnalyticsReportGrain>(0).GetExamPdfAsync(user.ToCaller(), id), $"exam-{id}-report.pdf");

    private static async Task<FileContentHttpResult> GetUserPdfAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        Pdf(await grains.GetGrain<IAnalyticsReportGrain>(0).GetUserPdfAsync(user.ToCaller(), id), $"student-{id}-report.pdf");

    // The same reader calls as the JSON routes, so the CSV is authorised exactly like them (403/404 from the grain).
    private static async Task<FileContentHttpResult> GetExamCsvAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        CsvFile(AnalyticsCsv.Exam(await Reader(grains).GetExamAsync(user.ToCaller(), id)), $"exam-{id}-analytics.csv");

    private static async Task<FileContentHttpResult> GetUserCsvAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        CsvFile(AnalyticsCsv.User(await Reader(grains).GetUserAsync(user.ToCaller(), id)), $"student-{id}-analytics.csv");

    private static FileContentHttpResult CsvFile(IEnumerable<IReadOnlyList<object?>> rows, string name) =>
        TypedResults.File(Encoding.UTF8.GetBytes(CsvFormat.Write(AnalyticsCsv.Columns, rows)), "text/csv; charset=utf-8", name);

    /// <summary>A download (attachment) named after the exam or user id; ids are the platform's own (no path or quote in them).</summary>
    private static FileContentHttpResult Pdf(byte[] content, string name) => TypedResults.File(content, "application/pdf", name);

    private static async Task<Ok<PlatformAnalyticsView>> GetPlatformAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Reader(grains).GetPlatformAsync(user.ToCaller()));

    private static async Task<Results<Ok<DatasetRows>, FileContentHttpResult>> GetDatasetAsync(
        string job, string period, string dataset, int? page, int? pageSize, string? sortBy, string? direction, string? format,
        ClaimsPrincipal user, IGrainFactory grains)
    {
        var descending = direction switch
        {
            null or "asc" => false,
            "desc" => true,
            _ => throw ProctorWiseException.Invalid("direction", "Must be asc or desc."),
        };
        var csv = format switch
        {
            null or "json" => false,
            "csv" => true,
            _ => throw ProctorWiseException.Invalid("format", "Must be json or csv."),
        };
        if (sortBy is not null && string.IsNullOrWhiteSpace(sortBy))
        {
            throw ProctorWiseException.Invalid("sortBy", "Must name a column of the dataset.");
        }

        var caller = user.ToCaller();
        var reader = Reader(grains);
        if (csv && page is null && pageSize is null)
        {
            // An export without paging is the whole dataset, read in the engine's largest pages.
            var first = await reader.ReadDatasetAsync(caller, new DatasetQuery(job, period, dataset, 0, DatasetQuery.MaxLimit, sortBy, descending));
            var rows = new List<IReadOnlyList<object?>>(first.Rows);
            while (rows.Count < first.Total)
            {
                var next = await reader.ReadDatasetAsync(caller, new DatasetQuery(job, period, dataset, rows.Count, DatasetQuery.MaxLimit, sortBy, descending));
                if (next.Rows.Count == 0)
                {
                    break;
                }

                rows.AddRange(next.Rows);
            }

            return Csv(first with { Rows = rows });
        }

        var paging = Paging.From(page, pageSize);
        var result = await reader.ReadDatasetAsync(caller,
            new DatasetQuery(job, period, dataset, (long)(paging.Page - 1) * paging.PageSize, paging.PageSize, sortBy, descending));
        return csv
            ? Csv(result)
            : TypedResults.Ok(new DatasetRows(result.Job, result.Period, result.Dataset, result.Columns, result.Rows, paging.Page, paging.PageSize, result.Total));
    }

    private static FileContentHttpResult Csv(DatasetPageView page) =>
        TypedResults.File(Encoding.UTF8.GetBytes(CsvFormat.Write(page.Columns, page.Rows)), "text/csv; charset=utf-8",
            $"{page.Job}-{page.Period}-{page.Dataset}.csv");
}
