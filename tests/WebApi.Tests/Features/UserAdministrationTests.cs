using System.Net;
using System.Text.Json;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// Administering accounts in bulk and in trouble: searching by name or e-mail, importing a CSV file (every line or none),
/// and resetting a password to a temporary one that opens nothing but the change-password call until it is changed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UserAdministrationTests(ApiFactory factory)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private async Task<JsonElement[]> SearchAsync(ApiClient admin, string search) =>
        [.. (await admin.GetAsync<JsonElement>($"/api/users?pageSize=100&search={Uri.EscapeDataString(search)}")).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task ASearchMatchesPartOfANameOrAnAddressInAnyCase()
    {
        var admin = await factory.AdminAsync();
        var tag = Unique();
        await admin.NewUserAsync(UserRole.Teacher, $"Grace {tag} Hopper");
        var student = await admin.NewUserAsync(UserRole.Student, "Alan Turing");

        Assert.Equal([$"Grace {tag} Hopper"], (await SearchAsync(admin, tag.ToUpperInvariant())).Select(u => u.GetProperty("name").GetString()));
        Assert.Equal([student.User!.Id], (await SearchAsync(admin, student.User.Email[..20])).Select(u => u.GetProperty("id").GetString()));
        Assert.Empty((await admin.GetAsync<JsonElement>($"/api/users?role=student&search={tag}")).GetProperty("items").EnumerateArray());
        await Expect.ValidationError("search", await admin.GetRawAsync($"/api/users?search={new string('x', 101)}"));
    }

    [Fact]
    public async Task AnImportCreatesEveryLineAndGivesTemporaryPasswordsWhereNoneWasGiven()
    {
        var admin = await factory.AdminAsync();
        var tag = Unique();
        var csv = $"""
            email,name,role,password
            "ada-{tag}@school.test","Lovelace, Ada",teacher,analytical-engine
            bob-{tag}@school.test,Bob "The" Builder,student,
            """.Replace("Bob \"The\" Builder", "\"Bob \"\"The\"\" Builder\"", StringComparison.Ordinal);

        var created = (await admin.ReadAsync<JsonElement>(await admin.PostAsync("/api/users/import", new { csv }))).GetProperty("created").EnumerateArray().ToArray();

        Assert.Equal([2, 3], created.Select(c => c.GetProperty("line").GetInt32()));
        Assert.Equal(["Lovelace, Ada", "Bob \"The\" Builder"], created.Select(c => c.GetProperty("user").GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, created[0].GetProperty("temporaryPassword").ValueKind);
        var temporary = created[1].GetProperty("temporaryPassword").GetString()!;
        Assert.True(temporary.Length >= 16, temporary);
        var ada = await factory.Anonymous().LoginAsync($"ada-{tag}@school.test", "analytical-engine");
        Assert.Equal((UserRole.Teacher, false), (ada.User!.Role, ada.User.MustChangePassword));
        var bob = await factory.Anonymous().LoginAsync($"bob-{tag}@school.test", temporary);
        Assert.True(bob.User!.MustChangePassword);
        await ExpectPasswordChangeRequiredAsync(await bob.GetRawAsync("/api/exams"));
    }

    [Fact]
    public async Task AnImportWithAWrongLineCreatesNothingAndNamesEachLine()
    {
        var admin = await factory.AdminAsync();
        var tag = Unique();
        var csv = $"name,email,role\nFine Person,fine-{tag}@school.test,student\nNo Address,not-an-address,student\n"
            + $"Twice,fine-{tag}@school.test,teacher\nWho,who-{tag}@school.test,janitor\n,nameless-{tag}@school.test,proctor\n";

        var problem = await Expect.Problem(HttpStatusCode.BadRequest, await admin.PostAsync("/api/users/import", new { csv }));

        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString());
        Assert.Equal(["lines.3.email", "lines.4.email", "lines.5.role", "lines.6.name"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The same address is on line 2.", errors["lines.4.email"]);
        Assert.Empty(await SearchAsync(admin, tag));
    }

    [Theory]
    [InlineData("name,email\nA,a@school.test\n", "no 'role' column")]
    [InlineData("name,email,role,shoe size\nA,a@school.test,student,42\n", "unknown column 'shoe size'")]
    [InlineData("name,email,role\n\"A,a@school.test,student\n", "never closed")]
    [InlineData("name,email,role\nA,a@school.test\n", "Line 2: 2 fields")]
    [InlineData("name,email,role\n", "no account")]
    public async Task AFileThatCannotBeReadIsRefusedWithTheReason(string csv, string reason)
    {
        var admin = await factory.AdminAsync();
        var problem = await Expect.Problem(HttpStatusCode.BadRequest, await admin.PostAsync("/api/users/import", new { csv }));
        var errors = problem.GetProperty("errors");
        var messages = errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToArray();
        Assert.Contains(messages, m => m!.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyAdministratorsImportAndResetAndNotTheirOwnPassword()
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student);

        await Expect.Problem(HttpStatusCode.Forbidden, await teacher.PostAsync("/api/users/import", new { csv = "name,email,role\nA,a@school.test,student\n" }));
        await Expect.Problem(HttpStatusCode.Forbidden, await teacher.PostAsync($"/api/users/{student.User!.Id}/password-reset"));
        await Expect.Problem(HttpStatusCode.Conflict, await admin.PostAsync($"/api/users/{admin.User!.Id}/password-reset"));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.PostAsync("/api/users/nobody/password-reset"));
        await factory.Anonymous().LoginAsync(student.User.Email, "password-123");
    }

    [Fact]
    public async Task AResetEndsTheSignInsAndTheTemporaryPasswordOpensOnlyThePasswordChange()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);

        var reset = await admin.ReadAsync<JsonElement>(await admin.PostAsync($"/api/users/{student.User!.Id}/password-reset"));
        var temporary = reset.GetProperty("temporaryPassword").GetString()!;

        Assert.True(reset.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        await Expect.Status(HttpStatusCode.Unauthorized, await student.GetRawAsync("/api/users/me"));
        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().PostAsync("/api/auth/login", new { email = student.User.Email, password = "password-123" }));
        var temporarySignIn = await factory.Anonymous().LoginAsync(student.User.Email, temporary);
        Assert.True((await temporarySignIn.GetAsync<JsonElement>("/api/users/me")).GetProperty("mustChangePassword").GetBoolean());
        await ExpectPasswordChangeRequiredAsync(await temporarySignIn.GetRawAsync("/api/bookings/me"));
        await ExpectPasswordChangeRequiredAsync(await temporarySignIn.GetRawAsync("/api/notifications"));
        await ExpectPasswordChangeRequiredAsync(await temporarySignIn.PostAsync("/hubs/notifications/negotiate?negotiateVersion=1"));

        await Expect.ValidationError("currentPassword", await temporarySignIn.PostAsync("/api/users/me/password", new { currentPassword = "guess-1234", newPassword = "my-own-secret" }));
        await Expect.ValidationError("newPassword", await temporarySignIn.PostAsync("/api/users/me/password", new { currentPassword = temporary, newPassword = temporary }));
        await Expect.ValidationError("newPassword", await temporarySignIn.PostAsync("/api/users/me/password", new { currentPassword = temporary, newPassword = "short" }));
        var token = await temporarySignIn.ReadAsync<TokenResponse>(
            await temporarySignIn.PostAsync("/api/users/me/password", new { currentPassword = temporary, newPassword = "my-own-secret" }));

        Assert.False(token.User.MustChangePassword);
        await Expect.Status(HttpStatusCode.OK, await temporarySignIn.WithToken(token.AccessToken, token.User).GetRawAsync("/api/bookings/me"));
        await Expect.Status(HttpStatusCode.Unauthorized, await temporarySignIn.GetRawAsync("/api/users/me"));
        await factory.Anonymous().LoginAsync(student.User.Email, "my-own-secret");
        Assert.False((await admin.GetAsync<JsonElement>($"/api/users/{student.User.Id}")).GetProperty("mustChangePassword").GetBoolean());
    }

    private static async Task ExpectPasswordChangeRequiredAsync(HttpResponseMessage response)
    {
        var problem = await Expect.Problem(HttpStatusCode.Forbidden, response);
        Assert.Equal(PasswordChangeGate.ProblemType, problem.GetProperty("type").GetString());
    }
}
