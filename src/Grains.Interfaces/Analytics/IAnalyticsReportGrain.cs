using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>
/// PDF reports of the analytics figures (docs/reports.md): the same figures as <see cref="IAnalyticsReaderGrain"/>,
/// authorised the same way (it reads them through that grain on the caller's behalf), laid out and written on the silo.
/// Stateless (key 0).
/// </summary>
[Alias("pw.IAnalyticsReportGrain")]
public interface IAnalyticsReportGrain : IGrainWithIntegerKey
{
    /// <summary>An exam's report as a PDF: for its owning teacher and admins.</summary>
    [Alias("GetExamPdf")]
    Task<byte[]> GetExamPdfAsync(Caller caller, string examId);

    /// <summary>A student's own report as a PDF: for the student themself and admins.</summary>
    [Alias("GetUserPdf")]
    Task<byte[]> GetUserPdfAsync(Caller caller, string userId);
}
