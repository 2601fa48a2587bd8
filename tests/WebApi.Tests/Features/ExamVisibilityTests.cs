using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// What an exam shows to whom: students and proctors learn what is monitored, never the thresholds to
/// stay under (issue 12); the owner and admins read the whole policy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExamVisibilityTests(ApiFactory factory)
{
    [Fact]
    public async Task StudentsAndProctorsSeeWhatIsMonitoredButNotTheThresholds()
    {
        var admin = await factory.AdminAsync();
        var booked = await BookedSlot.ArrangeAsync(factory, title: "Thresholds");
        var proctor = await admin.NewUserAsync(UserRole.Proctor);
        var path = $"/api/exams/{booked.Exam.Id}";

        foreach (var (who, client) in new[] { ("student", booked.Student), ("proctor", proctor) })
        {
            var one = await client.GetAsync<ExamView>(path);
            var listed = (await client.GetAsync<PagedResult<ExamView>>("/api/exams?pageSize=100")).Items.Single(e => e.Id == booked.Exam.Id);
            foreach (var view in new[] { one, listed })
            {
                Assert.True(view.Proctoring is null, $"{who} received the thresholds");
                Assert.Null(view.Questions);
                Assert.Equal(new ExamMonitoring(WebcamRequired: true, BrowserActivity: true), view.Monitoring);
            }

            // Not even by name in the raw JSON (a client reading fields the types do not declare).
            var raw = await client.GetStringAsync(path);
            Assert.DoesNotContain("noFaceSeconds", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("maxTabSwitches", raw, StringComparison.Ordinal);
        }

        foreach (var client in new[] { booked.Teacher, admin })
        {
            var view = await client.GetAsync<ExamView>(path);
            Assert.Equal(ProctoringPolicy.Default.NoFaceSeconds, view.Proctoring!.NoFaceSeconds);
            Assert.NotNull(view.Monitoring);
            var listed = (await client.GetAsync<PagedResult<ExamView>>("/api/exams?pageSize=100")).Items.Single(e => e.Id == booked.Exam.Id);
            Assert.NotNull(listed.Proctoring);
        }
    }
}
