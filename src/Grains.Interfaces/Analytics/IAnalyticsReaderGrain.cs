using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>
/// Reads analytics for the API (docs/analytics.md, "API"): catalog reports over the lake's raw zone, the jobs'
/// written datasets, and live grains; the web layer never reads lake files. Stateless (key 0); checks the caller.
/// </summary>
[Alias("pw.IAnalyticsReaderGrain")]
public interface IAnalyticsReaderGrain : IGrainWithIntegerKey
{
    /// <summary>One exam's figures: for its owning teacher and admins.</summary>
    [Alias("GetExam")]
    Task<ExamAnalyticsView> GetExamAsync(Caller caller, string examId);

    /// <summary>One student's published results: for the user themself and admins.</summary>
    [Alias("GetUser")]
    Task<UserAnalyticsView> GetUserAsync(Caller caller, string userId);

    /// <summary>Platform figures and alerts: admins.</summary>
    [Alias("GetPlatform")]
    Task<PlatformAnalyticsView> GetPlatformAsync(Caller caller);

    /// <summary>A page of a job's written dataset: admins; 404 when the period has no output yet.</summary>
    [Alias("ReadDataset")]
    Task<DatasetPageView> ReadDatasetAsync(Caller caller, DatasetQuery query);
}
