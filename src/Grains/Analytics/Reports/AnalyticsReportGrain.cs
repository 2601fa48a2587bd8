using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics.Reports;

/// <inheritdoc cref="IAnalyticsReportGrain"/>
/// <remarks>
/// The figures come from <see cref="IAnalyticsReaderGrain"/> with the caller's identity, so a report can never show
/// more than the caller may read there: the reader throws 403/404 before anything is laid out. Stateless and reentrant
/// like the reader; writing a few pages takes milliseconds.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class AnalyticsReportGrain(IPdfReportWriter writer) : Grain, IAnalyticsReportGrain
{
    public async Task<byte[]> GetExamPdfAsync(Caller caller, string examId)
    {
        var figures = await GrainFactory.GetGrain<IAnalyticsReaderGrain>(0).GetExamAsync(caller, examId);
        var exam = await GrainFactory.GetGrain<IExamGrain>(examId).GetAsync(caller);
        return writer.Write(ExamReport.Build(exam.Title, figures));
    }

    public async Task<byte[]> GetUserPdfAsync(Caller caller, string userId)
    {
        var figures = await GrainFactory.GetGrain<IAnalyticsReaderGrain>(0).GetUserAsync(caller, userId);
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync() ?? throw ProctorWiseException.NotFound("User");
        return writer.Write(StudentReport.Build(user.Name, figures));
    }
}
