using System.Net;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The teacher's exam page of issue 17: publishing asks first, in a dialog that keeps the keyboard inside and that
/// Escape cancels; a slot form error shows next to its field without the generic validation banner; and the slot's
/// state reads in the words every page uses.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ExamPublishingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PublishingAsksForConfirmationAndEscapeCancels()
    {
        var admin = await fixture.App.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher, "Tara Teacher");
        var title = "Draft " + Guid.NewGuid().ToString("N")[..6];
        var exam = await teacher.ReadAsync<ExamView>(await teacher.PostAsync("/api/exams", ApiClient.ExamBody(title)), HttpStatusCode.Created);

        var page = await fixture.NewPageAsync();
        await SignIn.AsAsync(page, teacher.User!.Email);
        await page.GotoAsync($"/teacher/exams/{exam.Id}");
        await Assertions.Expect(page.GetByTestId("exam-status")).ToHaveTextAsync("draft");

        // The dialog says what publishing does; the keyboard stays inside it: Tab and Shift+Tab cycle.
        var publish = page.GetByTestId("publish-exam");
        await publish.ClickAsync();
        var dialog = page.GetByTestId("publish-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync($"Students will see \"{title}\" (5 questions, 10 points)");
        var confirm = dialog.GetByTestId("confirm-publish");
        var cancel = dialog.GetByTestId("confirm-cancel");
        await Assertions.Expect(confirm).ToBeFocusedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(cancel).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(confirm).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(cancel).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(confirm).ToBeFocusedAsync();

        // Escape cancels: nothing is published and the focus is back on the button.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(publish).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("exam-status")).ToHaveTextAsync("draft");
        Assert.Equal(ExamStatus.Draft, (await teacher.GetAsync<ExamView>($"/api/exams/{exam.Id}")).Status);

        // Cancel does not publish either; Publish in the dialog does.
        await publish.ClickAsync();
        await dialog.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(ExamStatus.Draft, (await teacher.GetAsync<ExamView>($"/api/exams/{exam.Id}")).Status);
        await publish.ClickAsync();
        await dialog.GetByTestId("confirm-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("exam-status")).ToHaveTextAsync("published");
        Assert.Equal(ExamStatus.Published, (await teacher.GetAsync<ExamView>($"/api/exams/{exam.Id}")).Status);

        // A bad capacity: the server's message next to the field, no generic banner above the form.
        await page.GetByTestId("slot-capacity").FillAsync("0");
        await page.GetByTestId("add-slot").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-capacity")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Must be between 1 and \\d+\\.$"));
        await Assertions.Expect(page.GetByTestId("slot-capacity")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("slot-status")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("validation errors occurred");

        // Corrected, the slot is listed as "upcoming", the word the rooms lists use too.
        await page.GetByTestId("slot-capacity").FillAsync("12");
        await page.GetByTestId("add-slot").ClickAsync();
        var state = page.GetByTestId("slot-row").GetByTestId("slot-state");
        await Assertions.Expect(state).ToHaveTextAsync("upcoming");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "upcoming");
    }
}
