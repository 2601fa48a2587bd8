using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Features.Sessions;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Every defect of the system we replace, tried against this one: each gets its status and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class SecurityTests(ApiFactory factory)
{
    private async Task<(ApiClient Teacher, ApiClient Student, SessionView Session, ExamView Exam)> RunningSessionAsync(int durationMinutes = 30)
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student);
        var exam = await teacher.CreatePublishedExamAsync(durationMinutes);
        var slot = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromSeconds(30));
        var booking = await student.BookAsync(slot.Id);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        return (teacher, student, await student.StartAsync(booking.Id), exam);
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
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student);
        var exam = await teacher.CreatePublishedExamAsync();
        var slot = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromMinutes(2));
        var booking = await student.BookAsync(slot.Id);

        var examJson = await student.GetStringAsync($"/api/exams/{exam.Id}");
        Assert.Contains("\"questions\":null", examJson, StringComparison.Ordinal);
        await Expect.Problem(HttpStatusCode.Conflict, await student.PostAsync($"/api/bookings/{booking.Id}/session"));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
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
        var parts = student.Token!.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"role\":\"student\"", "\"role\":\"admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var stamp = new JsonWebToken(student.Token).GetClaim("pw_stamp").Value;
        var user = student.User!;
        var foreign = Sign(user, stamp, "another-secret-that-is-also-long-enough!!", DateTime.UtcNow.AddHours(1), ApiFactory.JwtIssuer);
        var expired = Sign(user, stamp, ApiFactory.JwtSecret, DateTime.UtcNow.AddMinutes(-5), ApiFactory.JwtIssuer);
        var wrongIssuer = Sign(user, stamp, ApiFactory.JwtSecret, DateTime.UtcNow.AddHours(1), "someone-else");

        // The same construction with the right key, issuer and lifetime is accepted: each rejection below has one cause.
        var control = factory.Anonymous().WithToken(Sign(user, stamp, ApiFactory.JwtSecret, DateTime.UtcNow.AddHours(1), ApiFactory.JwtIssuer));
        await Expect.Status(HttpStatusCode.OK, await control.GetRawAsync("/api/users/me"));

        foreach (var token in new[] { tampered, foreign, expired, wrongIssuer, "not-a-jwt" })
        {
            await Expect.Problem(HttpStatusCode.Unauthorized, await factory.Anonymous().WithToken(token).GetRawAsync("/api/users/me"));
        }
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

    private static string Sign(UserView user, string stamp, string secret, DateTime expires, string issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "proctorwise",
            IssuedAt = expires.AddHours(-2),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", user.Id), new Claim("role", "student"), new Claim("pw_stamp", stamp)]),
        });
}
