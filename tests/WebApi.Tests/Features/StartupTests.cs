using System.Net;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Start-up rules that need a host of their own.</summary>
public sealed class StartupTests
{
    [Fact]
    public void OutsideDevelopmentTheHostRefusesToStartWithoutAJwtSecret()
    {
        using var factory = new NoSecretFactory();
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        Assert.Contains("Jwt:Secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvenInDevelopmentAWeakSecretIsRefused()
    {
        using var factory = new WeakSecretFactory();
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        Assert.Contains("at least 32 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoDataSeedsOneAccountPerRoleAndABookedExam()
    {
        await using var factory = new DemoFactory();
        await factory.InitializeAsync();
        var admin = await factory.Anonymous().LoginAsync("admin@proctorwise.test", "demo-password");
        var users = await admin.GetAsync<PagedResult<UserView>>("/api/users");
        Assert.Equal([UserRole.Student, UserRole.Teacher, UserRole.Proctor, UserRole.Admin], users.Items.Select(u => u.Role).Order().ToArray());

        var teacher = await factory.Anonymous().LoginAsync("teacher@proctorwise.test", "demo-password");
        var exam = Assert.Single((await teacher.GetAsync<PagedResult<ExamView>>("/api/exams")).Items);
        Assert.Equal(ExamStatus.Published, exam.Status);
        var full = await teacher.GetAsync<ExamView>($"/api/exams/{exam.Id}");
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), full.Questions!.Select(q => q.Type).Order());

        var slots = await teacher.GetAsync<List<SlotView>>($"/api/exams/{exam.Id}/slots");
        Assert.Equal(2, slots.Count);
        Assert.InRange(slots[0].StartsAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
        Assert.Equal(1, slots[0].Booked);

        var proctor = await factory.Anonymous().LoginAsync("proctor@proctorwise.test", "demo-password");
        await Expect.Status(HttpStatusCode.OK, await proctor.GetRawAsync($"/api/slots/{slots[0].Id}/bookings"));
    }

    private sealed class NoSecretFactory : ApiFactory
    {
        protected override string EnvironmentName => "Production";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Jwt:Secret"] = null;
            return settings;
        }
    }

    private sealed class WeakSecretFactory : ApiFactory
    {
        protected override string EnvironmentName => "Development";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Jwt:Secret"] = "too-short";
            return settings;
        }
    }

    private sealed class DemoFactory : ApiFactory
    {
        protected override string EnvironmentName => "Development";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Demo:Enabled"] = "true";
            settings["Bootstrap:AdminEmail"] = null;
            settings["Bootstrap:AdminPassword"] = null;
            return settings;
        }
    }
}
