using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Every defect of the system we replace, tried against this one: each gets its status and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class SecurityTests(ApiFactory factory)
{
    private async Task<(ApiClient Teacher, ApiClient Student, SessionView Session, ExamView Exam)> RunningSessionAsync(int durationMinutes = 30)
    {
        var running = await RunningSession.StartAsync(factory, durationMinutes);
        return (running.Teacher, running.Student, running.Session, running.Exam);
    }

    [Fact]
    public async Task RequestsWithoutATokenGet401()
    {
        var anonymous = factory.Anonymous();
        await Expect.Problem(HttpStatusCode.Unauthorized, await anonymous.GetRawAsync("/api/exams"));
        await Expect.Problem(HttpStatusCode.Unauthorized, await anonymous.GetRawAsync("/api/users/me"));
    }

    [Fact]
    public async Task AnotherStudentCanNeitherReadNorAnswerNorSubmitASession()
    {
        var (_, student, session, _) = await RunningSessionAsync();
        var intruder = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);

        await Expect.Problem(HttpStatusCode.NotFound, await intruder.GetRawAsync($"/api/sessions/{session.Id}"));
        await Expect.Problem(HttpStatusCode.NotFound, await intruder.PutAsync($"/api/sessions/{session.Id}/answers/short", new { answer = "K", seq = 99 }));
        await Expect.Problem(HttpStatusCode.NotFound, await intruder.PostAsync($"/api/sessions/{session.Id}/submit"));
        await Expect.Problem(HttpStatusCode.NotFound, await intruder.PostAsync($"/api/bookings/{session.BookingId}/session"));

        var own = await student.GetAsync<SessionView>($"/api/sessions/{session.Id}");
        Assert.Equal(SessionStatus.InProgress, own.Status);
        Assert.Empty(own.Answers!);
    }

    [Fact]
    public async Task StudentsNeverReceiveQuestionsBeforeStartNorAnyAnswerKey()
    {
        var booked = await BookedSlot.ArrangeAsync(factory);
        var (student, exam, booking) = (booked.Student, booked.Exam, booked.Booking);

        var examJson = await student.GetStringAsync($"/api/exams/{exam.Id}");
        Assert.Contains("\"questions\":null", examJson, StringComparison.Ordinal);
        await Expect.Problem(HttpStatusCode.Conflict, await student.PostAsync($"/api/bookings/{booking.Id}/session"));

        booked.Open();
        var response = await student.PostAsync($"/api/bookings/{booking.Id}/session");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"questions\":[", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"correct", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Na\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeacherCannotEditOrSeeTheKeysOfAnotherTeachersExam()
    {
        var admin = await factory.AdminAsync();
        var owner = await admin.NewUserAsync(UserRole.Teacher);
        var other = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await owner.CreatePublishedExamAsync(title: "Owned");

        await Expect.Problem(HttpStatusCode.Forbidden, await other.PutAsync($"/api/exams/{exam.Id}", ApiClient.ExamBody("Stolen")));
        await Expect.Problem(HttpStatusCode.Forbidden, await other.DeleteAsync($"/api/exams/{exam.Id}"));
        await Expect.Problem(HttpStatusCode.Forbidden, await other.GetRawAsync($"/api/exams/{exam.Id}/submissions"));
        Assert.Null((await other.GetAsync<ExamView>($"/api/exams/{exam.Id}")).Questions);
        var kept = await owner.GetAsync<ExamView>($"/api/exams/{exam.Id}");
        Assert.Equal("Owned", kept.Title);
        Assert.Equal(ExamStatus.Published, kept.Status);
    }

    [Theory]
    [InlineData("POST", "/api/exams")]
    [InlineData("GET", "/api/users")]
    [InlineData("POST", "/api/users")]
    [InlineData("PATCH", "/api/users/someone")]
    [InlineData("POST", "/api/submissions/any/publish")]
    [InlineData("PUT", "/api/submissions/any/grades/q1")]
    [InlineData("POST", "/api/slots/any/proctors")]
    public async Task StudentsCannotCallStaffEndpoints(string method, string path)
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        await Expect.Problem(HttpStatusCode.Forbidden, await student.SendAsync(request));
    }

    [Fact]
    public async Task TamperedForeignAndExpiredTokensAreRejected()
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);

        // The same construction with the right key, issuer, audience and lifetime is accepted: each rejection below has one cause.
        var control = factory.Anonymous().WithToken(Sign(student));
        await Expect.Status(HttpStatusCode.OK, await control.GetRawAsync("/api/users/me"));

        var rejected = new[]
        {
            WithRole(student.Token!, "admin"),
            Sign(student, secret: ForeignSecret),
            Sign(student, expires: DateTime.UtcNow.AddMinutes(-5)),
            Sign(student, issuer: "someone-else"),
            Sign(student, audience: "another-app"),
            Unsigned(student.Token!),
            "not-a-jwt",
        };
        foreach (var token in rejected)
        {
            await Expect.Problem(HttpStatusCode.Unauthorized, await factory.Anonymous().WithToken(token).GetRawAsync("/api/users/me"));
        }
    }

    [Fact]
    public async Task ForgedTokensCannotWriteAndCreateNothing()
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student);
        var marker = Guid.NewGuid().ToString("N");

        // Controls: correctly signed copies of the teacher's and the admin's tokens do write.
        await Expect.Status(HttpStatusCode.Created, await factory.Anonymous().WithToken(Sign(teacher)).PostAsync("/api/exams", ApiClient.ExamBody($"control {marker}")));
        await Expect.Status(HttpStatusCode.Created, await factory.Anonymous().WithToken(Sign(admin)).PostAsync("/api/users", NewUserBody($"control-{marker}")));

        // Each forgery differs from its control in one respect; the tampered ones are a student's real token
        // whose role was edited without re-signing.
        var expired = DateTime.UtcNow.AddMinutes(-5);
        var forgeries = new (string Name, string AsTeacher, string AsAdmin)[]
        {
            ("wrong-audience", Sign(teacher, audience: "another-app"), Sign(admin, audience: "another-app")),
            ("wrong-issuer", Sign(teacher, issuer: "someone-else"), Sign(admin, issuer: "someone-else")),
            ("foreign-key", Sign(teacher, secret: ForeignSecret), Sign(admin, secret: ForeignSecret)),
            ("expired", Sign(teacher, expires: expired), Sign(admin, expires: expired)),
            ("alg-none", Unsigned(teacher.Token!), Unsigned(admin.Token!)),
            ("tampered-role", WithRole(student.Token!, "teacher"), WithRole(student.Token!, "admin")),
        };
        foreach (var (name, asTeacher, asAdmin) in forgeries)
        {
            var exam = await factory.Anonymous().WithToken(asTeacher).PostAsync("/api/exams", ApiClient.ExamBody($"{name} {marker}"));
            Assert.True(exam.StatusCode == HttpStatusCode.Unauthorized, $"{name}: POST /api/exams answered {(int)exam.StatusCode}");
            await Expect.Problem(HttpStatusCode.Unauthorized, exam);

            var user = await factory.Anonymous().WithToken(asAdmin).PostAsync("/api/users", NewUserBody($"{name}-{marker}"));
            Assert.True(user.StatusCode == HttpStatusCode.Unauthorized, $"{name}: POST /api/users answered {(int)user.StatusCode}");
            await Expect.Problem(HttpStatusCode.Unauthorized, user);
        }

        var exams = await AllAsync<ExamView>(admin, "/api/exams");
        Assert.Equal([$"control {marker}"], exams.Where(e => e.Title.Contains(marker, StringComparison.Ordinal)).Select(e => e.Title));
        var users = await AllAsync<UserView>(admin, "/api/users");
        Assert.Equal([$"control-{marker}@school.test"], users.Where(u => u.Email.Contains(marker, StringComparison.Ordinal)).Select(u => u.Email));
    }

    [Fact]
    public async Task ADeactivatedUsersExistingTokenStopsWorking()
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        await Expect.Status(HttpStatusCode.OK, await teacher.GetRawAsync("/api/users/me"));

        var updated = await admin.ReadAsync<UserView>(await admin.PatchAsync($"/api/users/{teacher.User!.Id}", (new { isActive = false })));
        Assert.False(updated.IsActive);

        await Expect.Problem(HttpStatusCode.Unauthorized, await teacher.GetRawAsync("/api/users/me"));
        await Expect.Problem(HttpStatusCode.Unauthorized, await factory.Anonymous().PostAsync("/api/auth/login", new { email = teacher.User.Email, password = "password-123" }));
    }

    [Fact]
    public async Task TheOldTokensOfADeactivatedOrDemotedUserCannotWrite()
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var demoted = await admin.NewUserAsync(UserRole.Teacher);
        var formerAdmin = await admin.NewUserAsync(UserRole.Admin);
        var bystander = await admin.NewUserAsync(UserRole.Student);
        var exam = await teacher.ReadAsync<ExamView>(await teacher.PostAsync("/api/exams", ApiClient.ExamBody("Before")), HttpStatusCode.Created);
        var marker = Guid.NewGuid().ToString("N");

        Assert.False((await admin.ReadAsync<UserView>(await admin.PatchAsync($"/api/users/{teacher.User!.Id}", new { isActive = false }))).IsActive);
        Assert.False((await admin.ReadAsync<UserView>(await admin.PatchAsync($"/api/users/{formerAdmin.User!.Id}", new { isActive = false }))).IsActive);
        Assert.Equal(UserRole.Student, (await admin.ReadAsync<UserView>(await admin.PatchAsync($"/api/users/{demoted.User!.Id}", new { role = UserRole.Student }))).Role);

        // docs/API.md §2: a deactivated user's tokens stop working, i.e. they are no longer valid tokens: 401.
        var refused = new (string Call, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("deactivated teacher creates", () => teacher.PostAsync("/api/exams", ApiClient.ExamBody($"deactivated {marker}"))),
            ("deactivated teacher edits", () => teacher.PutAsync($"/api/exams/{exam.Id}", ApiClient.ExamBody("After"))),
            ("deactivated teacher publishes", () => teacher.PostAsync($"/api/exams/{exam.Id}/publish")),
            ("deactivated teacher adds a slot", () => teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt = factory.Clock.GetUtcNow().AddDays(1), capacity = 5 })),
            ("demoted teacher creates", () => demoted.PostAsync("/api/exams", ApiClient.ExamBody($"demoted {marker}"))),
            ("deactivated admin creates a user", () => formerAdmin.PostAsync("/api/users", NewUserBody($"deactivated-{marker}"))),
            ("deactivated admin promotes", () => formerAdmin.PatchAsync($"/api/users/{bystander.User!.Id}", new { role = UserRole.Admin })),
            ("deactivated admin reactivates", () => formerAdmin.PatchAsync($"/api/users/{teacher.User!.Id}", new { isActive = true })),
        };
        foreach (var (call, send) in refused)
        {
            var answer = await send();
            Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"{call}: expected 401, got {(int)answer.StatusCode}");
            await Expect.Problem(HttpStatusCode.Unauthorized, answer);
        }

        var kept = await admin.GetAsync<ExamView>($"/api/exams/{exam.Id}");
        Assert.Equal("Before", kept.Title);
        Assert.Equal(ExamStatus.Draft, kept.Status);
        Assert.Equal(exam.UpdatedAt, kept.UpdatedAt);
        Assert.Empty(await admin.GetAsync<List<SlotView>>($"/api/exams/{exam.Id}/slots"));
        Assert.DoesNotContain(await AllAsync<ExamView>(admin, "/api/exams"), e => e.Title.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(await AllAsync<UserView>(admin, "/api/users"), u => u.Email.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(UserRole.Student, (await admin.GetAsync<UserView>($"/api/users/{bystander.User!.Id}")).Role);
        Assert.False((await admin.GetAsync<UserView>($"/api/users/{teacher.User!.Id}")).IsActive);
    }

    [Fact]
    public async Task AnExamCannotBeReplacedOnceASessionStarted()
    {
        var (teacher, student, session, exam) = await RunningSessionAsync();
        var admin = await factory.AdminAsync();
        var before = await teacher.GetStringAsync($"/api/exams/{exam.Id}");

        await Expect.Problem(HttpStatusCode.Conflict, await teacher.PutAsync($"/api/exams/{exam.Id}", ApiClient.ExamBody("Rewritten", durationMinutes: 90)));
        await Expect.Problem(HttpStatusCode.Conflict, await admin.PutAsync($"/api/exams/{exam.Id}", ApiClient.ExamBody("Rewritten by admin", durationMinutes: 90)));

        Assert.Equal(before, await teacher.GetStringAsync($"/api/exams/{exam.Id}"));
        var kept = await teacher.GetAsync<ExamView>($"/api/exams/{exam.Id}");
        Assert.Equal("Chemistry", kept.Title);
        Assert.Equal(30, kept.DurationMinutes);
        Assert.True(kept.Locked);
        Assert.Equal(5, kept.Questions!.Count);
        var running = await student.GetAsync<SessionView>($"/api/sessions/{session.Id}");
        Assert.Equal(session.Deadline, running.Deadline);
        Assert.Equal(session.Questions!.Select(q => q.Text), running.Questions!.Select(q => q.Text));
    }

    [Fact]
    public async Task StartingAfterTheSlotWindowClosedIsA409AndCreatesNoSession()
    {
        var booked = await BookedSlot.ArrangeAsync(factory, durationMinutes: 1);
        var (teacher, student, exam, slot, booking) = (booked.Teacher, booked.Student, booked.Exam, booked.Slot, booked.Booking);

        // The window is [startsAt, endsAt): from endsAt on it is closed.
        factory.Clock.Advance(BookedSlot.OpensIn + TimeSpan.FromMinutes(1));
        await Expect.Problem(HttpStatusCode.Conflict, await student.PostAsync($"/api/bookings/{booking.Id}/session"));
        await Expect.Problem(HttpStatusCode.Conflict, await student.PostAsync($"/api/bookings/{booking.Id}/session"));

        var mine = Assert.Single(await student.GetAsync<List<BookingView>>("/api/bookings/me"));
        Assert.Equal(booking.Id, mine.Id);
        Assert.Equal(BookingStatus.Booked, mine.Status);
        Assert.Null(mine.SessionId);
        Assert.False((await teacher.GetAsync<ExamView>($"/api/exams/{exam.Id}")).Locked);
        Assert.Equal(BookingStatus.Booked, Assert.Single(await teacher.GetAsync<List<SlotBookingView>>($"/api/slots/{slot.Id}/bookings")).Status);
        Assert.Equal(0, (await teacher.GetAsync<PagedResult<SubmissionView>>($"/api/exams/{exam.Id}/submissions")).Total);
        Assert.Empty((await student.GetAsync<PagedResult<SubmissionView>>("/api/submissions/me")).Items);
    }

    [Fact]
    public async Task SelfRegistrationAlwaysCreatesAStudent()
    {
        var anonymous = factory.Anonymous();
        var email = $"mallory-{Guid.NewGuid():N}@school.test";
        var user = await anonymous.ReadAsync<UserView>(
            await anonymous.PostAsync("/api/auth/register", new { name = "Mallory", email, password = "mallory-pass", role = "admin" }), HttpStatusCode.Created);
        Assert.Equal(UserRole.Student, user.Role);
        var signedIn = await anonymous.LoginAsync(email, "mallory-pass");
        await Expect.Problem(HttpStatusCode.Forbidden, await signedIn.GetRawAsync("/api/users"));
    }

    [Fact]
    public async Task DuplicateSubmissionsReturnTheSameSubmissionAndLateAnswersAreRefused()
    {
        var (_, student, session, _) = await RunningSessionAsync();
        var first = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{session.Id}/submit"));
        var second = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{session.Id}/submit"));
        Assert.Equal(first.SubmissionId, second.SubmissionId);
        await Expect.Problem(HttpStatusCode.Conflict, await student.PutAsync($"/api/sessions/{session.Id}/answers/short", new { answer = "Na", seq = 10 }));
        Assert.Empty((await student.GetAsync<SessionView>($"/api/sessions/{session.Id}")).Answers!);
    }

    [Fact]
    public async Task AnswersAfterTheDeadlineAreRefusedAndTheSessionIsExpired()
    {
        var (_, student, session, _) = await RunningSessionAsync(durationMinutes: 1);
        await Expect.Status(HttpStatusCode.NoContent, await student.PutAsync($"/api/sessions/{session.Id}/answers/short", new { answer = "Na", seq = 1 }));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        await Expect.Problem(HttpStatusCode.Conflict, await student.PutAsync($"/api/sessions/{session.Id}/answers/short", new { answer = "K", seq = 2 }));
        var late = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{session.Id}/submit"));
        var view = await student.GetAsync<SessionView>($"/api/sessions/{session.Id}");
        Assert.Equal(SessionStatus.Expired, view.Status);
        Assert.Equal(late.SubmissionId, view.SubmissionId);
        Assert.Equal("Na", Assert.Single(view.Answers!).Answer.Text);
    }

    private const string Audience = "proctorwise";

    private const string ForeignSecret = "another-secret-that-is-also-long-enough!!";

    private static object NewUserBody(string localPart) =>
        new { name = "Forged " + localPart[..8], email = $"{localPart}@school.test", password = "password-123", role = "admin" };

    /// <summary>Every item of a paged list, read page by page.</summary>
    private static async Task<List<T>> AllAsync<T>(ApiClient client, string path)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetAsync<PagedResult<T>>($"{path}?page={page}&pageSize=200");
            all.AddRange(result.Items);
            if (result.Items.Count == 0 || all.Count >= result.Total)
            {
                return all;
            }
        }
    }

    /// <summary>A token carrying the claims of <paramref name="who"/>'s real token (subject, role, stamp), signed as told.</summary>
    private static string Sign(
        ApiClient who,
        string secret = ApiFactory.JwtSecret,
        DateTime? expires = null,
        string issuer = ApiFactory.JwtIssuer,
        string audience = Audience)
    {
        var real = new JsonWebToken(who.Token);
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = until.AddHours(-2),
            NotBefore = until.AddHours(-2),
            Expires = until,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", real.Subject),
                new Claim("role", real.GetClaim("role").Value),
                new Claim("pw_stamp", real.GetClaim("pw_stamp").Value),
            ]),
        });
    }

    /// <summary>The token with its role claim edited and the original signature kept.</summary>
    private static string WithRole(string token, string role)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]);
        var edited = Regex.Replace(payload, "\"role\":\"[a-z]+\"", $"\"role\":\"{role}\"");
        Assert.NotEqual(payload, edited);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(edited)}.{parts[2]}";
    }

    /// <summary>The token's claims under an <c>alg: none</c> header and without a signature.</summary>
    private static string Unsigned(string token) =>
        $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{token.Split('.')[1]}.";
}
