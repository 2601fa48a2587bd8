using System.Net;
using Microsoft.Playwright;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// A published grade changed in the browser (issue 12): the teacher gives a reason and sees the change in the
/// history with their name; the student's results show that the grade changed, old → new and why, not who.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class GradeChangeTests(BrowserFixture fixture)
{
    private const string Password = "password-123";

    [Fact]
    public async Task ATeacherChangesAPublishedGradeAndTheStudentSeesThatItChanged()
    {
        var admin = await fixture.App.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student, "Sid Student");
        var booked = await BookedSlot.ArrangeAsync(fixture.App, title: "Regrading " + Guid.NewGuid().ToString("N")[..6], student: student);
        var running = await booked.StartAsync();
        var submitted = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{running.Session.Id}/submit"));
        var id = submitted.SubmissionId;

        // Nothing answered: the essay is graded 1 of 4 and the result (1 / 10) published.
        await Expect.Status(HttpStatusCode.OK, await booked.Teacher.PutAsync($"/api/submissions/{id}/grades/essay", new { score = 1 }));
        await Expect.Status(HttpStatusCode.OK, await booked.Teacher.PostAsync($"/api/submissions/{id}/publish"));

        var owner = await fixture.NewPageAsync();
        await SignInAsync(owner, booked.Teacher.User!.Email);
        await owner.GotoAsync($"/teacher/submissions/{id}");
        var essay = owner.Locator("[data-testid='grade-question'][data-question-id='essay']");
        await Assertions.Expect(essay.GetByTestId("grade-reason")).ToBeVisibleAsync();
        await essay.GetByTestId("grade-score").FillAsync("3");
        await essay.GetByTestId("grade-reason").FillAsync("Second marking: the argument holds.");
        await essay.GetByTestId("grade-save").ClickAsync();
        await Assertions.Expect(essay.GetByTestId("grade-status")).ToContainTextAsync("recorded");
        var history = owner.GetByTestId("grade-history-row");
        await Assertions.Expect(history).ToHaveCountAsync(1);
        await Assertions.Expect(history.GetByTestId("grade-history-by")).ToHaveTextAsync(booked.Teacher.User.Name);
        await Assertions.Expect(history.GetByTestId("grade-history-total")).ToHaveTextAsync("1 → 3 / 10 (10 % → 30 %)");
        await Assertions.Expect(history.GetByTestId("grade-history-reason")).ToHaveTextAsync("Second marking: the argument holds.");

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, student.User!.Email);
        await page.GotoAsync("/results");
        await Assertions.Expect(page.GetByTestId("result-row").First.GetByTestId("result-changed")).ToHaveTextAsync("Grade changed");
        await page.GetByTestId("open-result").First.ClickAsync();
        var change = page.GetByTestId("grade-change");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change.GetByTestId("grade-change-total")).ToHaveTextAsync("1 → 3 / 10 (10 % → 30 %)");
        await Assertions.Expect(change.GetByTestId("grade-change-reason")).ToContainTextAsync("Second marking: the argument holds.");
        await Assertions.Expect(page.GetByTestId("grade-changes")).Not.ToContainTextAsync(booked.Teacher.User.Name);
        await fixture.ScreenshotAsync(page, "student-grade-changed");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }
}
