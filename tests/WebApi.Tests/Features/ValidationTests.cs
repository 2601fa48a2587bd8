using System.Net;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Bad input gets a 4xx problem naming the field, never a 500, and writes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidationTests(ApiFactory factory)
{
    private static readonly string[] s_oneOption = ["a"];
    private static readonly int[] s_outOfRange = [3];

    private async Task<ApiClient> TeacherAsync() => await (await factory.AdminAsync()).NewUserAsync(UserRole.Teacher);

    /// <summary>Every account, read page by page as the admin.</summary>
    private static async Task<List<UserView>> AllUsersAsync(ApiClient admin)
    {
        var all = new List<UserView>();
        for (var page = 1; ; page++)
        {
            var result = await admin.GetAsync<PagedResult<UserView>>($"/api/users?page={page}&pageSize=200");
            all.AddRange(result.Items);
            if (result.Items.Count == 0 || all.Count >= result.Total)
            {
                return all;
            }
        }
    }

    private static async Task<int> ExamCountAsync(ApiClient teacher) => (await teacher.GetAsync<PagedResult<ExamView>>("/api/exams")).Total;

    [Fact]
    public async Task MalformedJsonIsA400Problem()
    {
        var teacher = await TeacherAsync();
        await Expect.Problem(HttpStatusCode.BadRequest, await teacher.PostRawAsync("/api/exams", ("{\"title\": \"x\",")));
        Assert.Equal(0, await ExamCountAsync(teacher));
    }

    [Fact]
    public async Task AnUnknownQuestionTypeNamesTheFieldAndTheAllowedValues()
    {
        var teacher = await TeacherAsync();
        var response = await teacher.PostRawAsync("/api/exams", ("""{"title":"T","durationMinutes":10,"questions":[{"type":"mcq","text":"?","points":1}]}"""));
        var problem = await Expect.ValidationError("questions[0].type", response);
        Assert.Contains("single_choice", problem.GetProperty("errors").GetProperty("questions[0].type")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ExamCountAsync(teacher));
    }

    [Fact]
    public async Task WrongJsonTypesNameTheField()
    {
        var teacher = await TeacherAsync();
        await Expect.ValidationError("durationMinutes", await teacher.PostRawAsync("/api/exams", ("""{"title":"T","durationMinutes":"long"}""")));
        await Expect.ValidationError("role", await (await factory.AdminAsync()).PostRawAsync("/api/users", ("""{"name":"N","email":"n@school.test","password":"password-1","role":"superuser"}""")));
    }

    [Fact]
    public async Task OversizedStringsAreRefusedAndNothingIsCreated()
    {
        var teacher = await TeacherAsync();
        var response = await teacher.PostAsync("/api/exams", ApiClient.ExamBody(new string('x', 10_000)));
        await Expect.ValidationError("title", response);
        Assert.Equal(0, await ExamCountAsync(teacher));

        var anonymous = factory.Anonymous();
        await Expect.ValidationError("name", await anonymous.PostAsync("/api/auth/register", new { name = new string('n', 1000), email = "long@school.test", password = "password-1" }));
        await Expect.Problem(HttpStatusCode.Unauthorized, await anonymous.PostAsync("/api/auth/login", new { email = "long@school.test", password = "password-1" }));
    }

    [Fact]
    public async Task ControlCharactersAreRefusedByFieldAndRightToLeftTextIsKept()
    {
        var teacher = await TeacherAsync();
        await Expect.ValidationError("title", await teacher.PostAsync("/api/exams", ApiClient.ExamBody("Chemistry\u0000")));
        await Expect.ValidationError("name", await factory.Anonymous().PostAsync("/api/auth/register", new { name = "Eve\u001b[2J", email = "ctl@school.test", password = "password-1" }));
        Assert.Equal(0, await ExamCountAsync(teacher));

        const string Arabic = "امتحان الكيمياء \u200F";
        var created = await teacher.ReadAsync<ExamView>(await teacher.PostAsync("/api/exams", ApiClient.ExamBody(Arabic)), HttpStatusCode.Created);
        Assert.Equal(Arabic.Trim(), created.Title);
    }

    [Fact]
    public async Task EveryInvalidQuestionFieldIsReportedAtOnce()
    {
        var teacher = await TeacherAsync();
        var body = new
        {
            title = "T",
            durationMinutes = 601,
            questions = new object[] { new { type = "single_choice", text = "", options = s_oneOption, correct = s_outOfRange, points = -1 } },
        };
        var problem = await Expect.ValidationError("durationMinutes", await teacher.PostAsync("/api/exams", body));
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "questions[0].text", "questions[0].options", "questions[0].correct", "questions[0].points" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task TheRoleFilterTakesTheApiNames()
    {
        var admin = await factory.AdminAsync();
        await admin.NewUserAsync(UserRole.Proctor);
        var proctors = await admin.GetAsync<PagedResult<UserView>>("/api/users?role=proctor");
        Assert.NotEmpty(proctors.Items);
        Assert.All(proctors.Items, u => Assert.Equal(UserRole.Proctor, u.Role));
        await Expect.ValidationError("role", await admin.GetRawAsync("/api/users?role=superuser"));
    }

    [Theory]
    [InlineData("\"superuser\"")]
    [InlineData("\"Admin\"")]
    [InlineData("3")]
    [InlineData("null")]
    public async Task AnInvalidRoleOnCreationNamesTheFieldAndCreatesNoAccount(string role)
    {
        var admin = await factory.AdminAsync();
        var email = $"invalid-role-{Guid.NewGuid():N}@school.test";

        var response = await admin.PostRawAsync("/api/users", $$"""{"name":"Eve","email":"{{email}}","password":"password-123","role":{{role}}}""");

        await Expect.ValidationError("role", response);
        Assert.DoesNotContain(await AllUsersAsync(admin), u => u.Email == email);
        await Expect.Problem(HttpStatusCode.Unauthorized, await factory.Anonymous().PostAsync("/api/auth/login", new { email, password = "password-123" }));
    }

    [Theory]
    [InlineData("\"superuser\"")]
    [InlineData("\"Admin\"")]
    [InlineData("3")]
    [InlineData("\"\"")]
    public async Task AnInvalidRoleOnUpdateNamesTheFieldAndChangesNothing(string role)
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var id = teacher.User!.Id;
        var before = await admin.GetStringAsync($"/api/users/{id}");

        // The valid part of the request (deactivation) must not be applied either.
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{id}")
        {
            Content = new StringContent($$"""{"role":{{role}},"isActive":false}""", System.Text.Encoding.UTF8, "application/json"),
        };
        await Expect.ValidationError("role", await admin.SendAsync(request));

        Assert.Equal(before, await admin.GetStringAsync($"/api/users/{id}"));
        var kept = await admin.GetAsync<UserView>($"/api/users/{id}");
        Assert.Equal(UserRole.Teacher, kept.Role);
        Assert.True(kept.IsActive);

        // The security stamp did not move either: the teacher's token still works.
        Assert.Equal(UserRole.Teacher, (await teacher.GetAsync<UserView>("/api/users/me")).Role);
    }

    [Fact]
    public async Task PagingIsBounded()
    {
        var teacher = await TeacherAsync();
        await Expect.ValidationError("pageSize", await teacher.GetRawAsync("/api/exams?pageSize=500"));
        await Expect.ValidationError("page", await teacher.GetRawAsync("/api/exams?page=0"));
    }

    [Fact]
    public async Task SlotsNeedAFutureStartAndACapacity()
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync();
        await Expect.ValidationError("startsAt", await teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt = "2020-01-01T00:00:00Z", capacity = 5 }));
        await Expect.ValidationError("capacity", await teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt = factory.Clock.GetUtcNow().AddDays(1), capacity = 0 }));
        await Expect.ValidationError("startsAt", await teacher.PostRawAsync($"/api/exams/{exam.Id}/slots", ("""{"startsAt":"tomorrow","capacity":5}""")));
        Assert.Empty(await teacher.GetAsync<List<Grains.Interfaces.Slots.SlotView>>($"/api/exams/{exam.Id}/slots"));
    }

    [Fact]
    public async Task AnAnswerOfTheWrongShapeIsRefused()
    {
        var running = await RunningSession.StartAsync(factory);
        var (student, session) = (running.Student, running.Session);

        await Expect.ValidationError("answer", await student.PutAsync($"/api/sessions/{session.Id}/answers/single", new { answer = new { x = 1 }, seq = 1 }));
        await Expect.ValidationError("answer", await student.PutAsync($"/api/sessions/{session.Id}/answers/single", new { answer = "water", seq = 1 }));
        await Expect.ValidationError("seq", await student.PutAsync($"/api/sessions/{session.Id}/answers/single", new { answer = new[] { 1 } }));
        await Expect.Problem(HttpStatusCode.NotFound, await student.PutAsync($"/api/sessions/{session.Id}/answers/nope", new { answer = "x", seq = 1 }));
    }

    [Fact]
    public async Task AnOversizedBodyIsA413()
    {
        var teacher = await TeacherAsync();
        var huge = new string('x', 5 * 1024 * 1024);

        // Expect: 100-continue lets the server refuse before the client streams 5 MB into a closed socket.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/exams")
        {
            Content = new StringContent($"{{\"title\":\"{huge}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        await Expect.Problem(HttpStatusCode.RequestEntityTooLarge, await teacher.SendAsync(request));
        Assert.Equal(0, await ExamCountAsync(teacher));
    }
}
