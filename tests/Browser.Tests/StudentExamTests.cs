using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The student's exam page (issue 17): a camera-required exam cannot start without a camera (Chromium without the
/// fake device), a camera-optional one can; leaving the tab shows a notice; questions can be flagged for review;
/// the page has no serious accessibility violations.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class StudentExamTests(BrowserFixture fixture)
{
    private const string Password = "password-123";

    [Fact]
    public async Task ACameraRequiredExamDoesNotStartWithoutACameraAndSaysWhy()
    {
        var booked = await BookedSlot.ArrangeAsync(fixture.App, title: "Camera required");
        Assert.True(booked.Exam.Monitoring!.WebcamRequired);
        booked.Open();

        // Debian's Chromium with camera permission granted but no fake device: this machine has no camera at all.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Permissions = ["camera"], TimezoneId = "UTC" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, booked.Student.User!.Email);
        await page.GotoAsync($"/exam/{booked.Booking.Id}");

        await Assertions.Expect(page.GetByTestId("camera-required-note")).ToHaveTextAsync("This exam requires your camera: you can begin once it is on.");
        await Assertions.Expect(page.GetByTestId("begin-exam")).ToBeDisabledAsync();
        await page.GetByTestId("enable-camera").ClickAsync();
        await Assertions.Expect(page.GetByTestId("camera-error")).ToContainTextAsync("No camera was found.");
        await Assertions.Expect(page.GetByTestId("camera-error")).ToContainTextAsync("then select “Try again”");
        await Assertions.Expect(page.GetByTestId("enable-camera")).ToHaveTextAsync("Try again");
        await Assertions.Expect(page.GetByTestId("begin-exam")).ToBeDisabledAsync();

        // Trying again asks the browser again (still no camera here) and the exam still cannot begin.
        await page.GetByTestId("enable-camera").ClickAsync();
        await Assertions.Expect(page.GetByTestId("camera-status")).ToHaveTextAsync("No camera");
        await Assertions.Expect(page.GetByTestId("begin-exam")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("question-panel")).ToHaveCountAsync(0);
        await fixture.ScreenshotAsync(page, "student-exam-no-camera");
    }

    [Fact]
    public async Task ACameraOptionalExamStartsWithoutTheCamera()
    {
        var admin = await fixture.App.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student);
        var created = await teacher.ReadAsync<ExamView>(await teacher.PostAsync("/api/exams", new
        {
            title = "Open book, no camera",
            durationMinutes = 30,
            passMarkPercent = 50,
            questions = new object[] { new { id = "q1", type = "short_answer", text = "Symbol of sodium?", correctText = "Na", points = 1 } },
            proctoring = new { webcamRequired = false },
        }), HttpStatusCode.Created);
        Assert.False(created.Proctoring!.WebcamRequired);
        await teacher.ReadAsync<ExamView>(await teacher.PostAsync($"/api/exams/{created.Id}/publish"));
        var slot = await teacher.AddSlotAsync(created.Id, BookedSlot.OpensIn);
        var booking = await student.BookAsync(slot.Id);
        fixture.App.Clock.Advance(BookedSlot.OpensIn);

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, student.User!.Email);
        await page.GotoAsync($"/exam/{booking.Id}");
        await Assertions.Expect(page.GetByTestId("camera-required-note")).ToHaveAttributeAsync("data-required", "false");
        await Assertions.Expect(page.GetByTestId("camera-required-note")).ToContainTextAsync("The camera is optional for this exam.");
        await page.GetByTestId("begin-exam").ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-text")).ToHaveTextAsync("Symbol of sodium?");
        await Assertions.Expect(page.GetByTestId("camera-status")).ToHaveTextAsync("Camera off");
    }

    [Fact]
    public async Task TheStudentFlagsQuestionsIsToldWhenLeavingTheTabAndThePageIsAccessible()
    {
        var booked = await BookedSlot.ArrangeAsync(fixture.App, title: "Flags and notices");
        booked.Open();
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, booked.Student.User!.Email);
        await page.GotoAsync($"/exam/{booked.Booking.Id}");
        await BeginAsync(page);

        // Flag the first question, answer the second: the list shows flagged, answered, unanswered.
        var items = page.GetByTestId("question-nav-item");
        await page.GetByTestId("flag-question").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flag-question")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByTestId("next-question").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flag-question")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.GetByTestId("answer-option").Nth(0).CheckAsync();
        await Assertions.Expect(items.Nth(0)).ToHaveAttributeAsync("data-mark", "flagged");
        await Assertions.Expect(items.Nth(1)).ToHaveAttributeAsync("data-mark", "answered");
        await Assertions.Expect(items.Nth(2)).ToHaveAttributeAsync("data-mark", "unanswered");
        await Assertions.Expect(items.Nth(0)).ToHaveAccessibleNameAsync(new Regex("^1\\W*not answered, flagged for review$"));
        await Assertions.Expect(page.GetByTestId("question-summary")).ToHaveTextAsync("Answered 1 of 5 · 1 flagged for review");
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveAttributeAsync("data-state", "saved");

        // Leaving the tab: on return a notice says it was recorded; it does not block the page and can be dismissed.
        var otherTab = await page.Context.NewPageAsync();
        await otherTab.BringToFrontAsync();
        await HideAsync(page);
        await page.BringToFrontAsync();
        await ShowAsync(page);
        await otherTab.CloseAsync();
        var notice = page.GetByTestId("tab-leave-notice");
        await Assertions.Expect(notice).ToContainTextAsync("You left the exam tab at");
        await Assertions.Expect(notice).ToContainTextAsync("This was recorded and your proctor can see it.");
        await page.GetByTestId("answer-option").Nth(1).CheckAsync();
        await Assertions.Expect(items.Nth(1)).ToHaveAttributeAsync("data-mark", "answered");

        // The exam page (notice shown) has no serious or critical accessibility violation.
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "student-exam-flags");
        await page.GetByTestId("dismiss-tab-notice").ClickAsync();
        await Assertions.Expect(notice).ToHaveCountAsync(0);

        // Flags are kept for the session in this tab: a reload still shows them.
        await page.ReloadAsync();
        await BeginAsync(page);
        await Assertions.Expect(items.Nth(0)).ToHaveAttributeAsync("data-mark", "flagged");
        await page.GetByTestId("submit-exam").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-flagged")).ToHaveTextAsync("1 question is flagged for review.");
        await page.GetByTestId("cancel-submit").ClickAsync();
    }

    private static async Task BeginAsync(IPage page)
    {
        await page.GetByTestId("enable-camera").ClickAsync();
        await Assertions.Expect(page.GetByTestId("begin-exam")).ToBeEnabledAsync();
        await page.GetByTestId("begin-exam").ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-panel")).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }

    /// <summary>Headless Chromium keeps every tab visible: the page is told what a real browser would report.</summary>
    private static async Task HideAsync(IPage page) => await page.EvaluateAsync("""
        () => {
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        """);

    private static async Task ShowAsync(IPage page) => await page.EvaluateAsync("""
        () => {
          delete document.visibilityState;
          delete document.hidden;
          document.dispatchEvent(new Event('visibilitychange'));
          window.dispatchEvent(new Event('focus'));
        }
        """);
}
