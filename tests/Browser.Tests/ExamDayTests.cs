using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// One exam day in the real browser, every role in its own browser context: the teacher writes and
/// publishes an exam with a slot, the student books, takes it with the (fake) webcam, switches tab and
/// submits, the proctor watches the room, sees the tab-switch alert with its reason, acknowledges it
/// and warns the student, the teacher grades the essay and publishes, the student reads the grade.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ExamDayTests(BrowserFixture fixture)
{
    private const string Password = "password-123";

    [Fact]
    public async Task TeacherStudentAndProctorGoThroughAnExamDay()
    {
        var admin = await fixture.App.AdminAsync();
        var teacherUser = (await admin.NewUserAsync(UserRole.Teacher, "Tess Teacher")).User!;
        var proctorUser = (await admin.NewUserAsync(UserRole.Proctor, "Paul Proctor")).User!;
        var studentUser = (await admin.NewUserAsync(UserRole.Student, "Sam Student")).User!;
        var title = "Arithmetic " + Guid.NewGuid().ToString("N")[..6];

        // The teacher writes the exam: a single-choice question and an essay, then publishes it.
        var teacher = await fixture.NewPageAsync();
        await SignInAsync(teacher, teacherUser.Email);
        await teacher.GotoAsync("/teacher/exams/new");
        await teacher.GetByTestId("exam-title-input").FillAsync(title);
        await teacher.GetByTestId("exam-duration").FillAsync("30");
        var first = teacher.GetByTestId("question-editor").Nth(0);
        await first.GetByTestId("question-text-input").FillAsync("2 + 2 = ?");
        await first.GetByTestId("option-text").Nth(0).FillAsync("3");
        await first.GetByTestId("option-text").Nth(1).FillAsync("4");
        await first.GetByTestId("option-correct").Nth(1).CheckAsync();
        await teacher.GetByTestId("add-question-type").SelectOptionAsync("essay");
        await teacher.GetByTestId("add-question").ClickAsync();
        var essay = teacher.GetByTestId("question-editor").Nth(1);
        await essay.GetByTestId("question-text-input").FillAsync("Explain how you checked your answer.");
        await essay.GetByTestId("question-points").FillAsync("4");
        await teacher.GetByTestId("save-exam").ClickAsync();
        await Assertions.Expect(teacher.GetByTestId("exam-title")).ToHaveTextAsync(title);
        await teacher.GetByTestId("publish-exam").ClickAsync();
        await teacher.GetByTestId("confirm-publish").ClickAsync();
        await Assertions.Expect(teacher.GetByTestId("exam-status").First).ToHaveTextAsync("published");

        // A slot two minutes from now (server time; the browser runs in UTC), with the proctor assigned.
        var startsAt = fixture.App.Clock.GetUtcNow().AddMinutes(2);
        await teacher.GetByTestId("slot-starts-at").FillAsync(startsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await teacher.GetByTestId("slot-capacity").FillAsync("10");
        await teacher.GetByTestId("add-slot").ClickAsync();
        var slotRow = teacher.GetByTestId("slot-row").First;
        await Assertions.Expect(slotRow).ToBeVisibleAsync();
        var slotId = await slotRow.GetAttributeAsync("data-slot-id");
        await Assertions.Expect(slotRow.GetByTestId("no-slot-proctors")).ToBeVisibleAsync();
        await slotRow.GetByTestId("assign-proctor-select").SelectOptionAsync(proctorUser.Id);
        await slotRow.GetByTestId("assign-proctor").ClickAsync();
        await Assertions.Expect(teacher.GetByTestId("exam-detail-status")).ToContainTextAsync("supervises");
        var assigned = slotRow.GetByTestId("slot-proctor");
        await Assertions.Expect(assigned).ToHaveCountAsync(1);
        await Assertions.Expect(assigned.GetByTestId("slot-proctor-name")).ToHaveTextAsync("Paul Proctor");

        // Unassigning (an accessible button naming the proctor) empties the list; assigning again restores it.
        await slotRow.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = new Regex("^Unassign Paul Proctor from the slot of ") }).ClickAsync();
        await Assertions.Expect(assigned).ToHaveCountAsync(0);
        await Assertions.Expect(slotRow.GetByTestId("no-slot-proctors")).ToBeVisibleAsync();
        await Assertions.Expect(slotRow.GetByTestId("slot-proctors-status")).ToContainTextAsync("no longer supervises");
        await slotRow.GetByTestId("assign-proctor-select").SelectOptionAsync(proctorUser.Id);
        await slotRow.GetByTestId("assign-proctor").ClickAsync();
        await Assertions.Expect(assigned).ToHaveAttributeAsync("data-proctor-id", proctorUser.Id);
        await fixture.ScreenshotAsync(teacher, "teacher-exam");

        // The student books the slot.
        var student = await fixture.NewPageAsync();
        await SignInAsync(student, studentUser.Email);
        await student.GotoAsync("/exams");
        var card = student.GetByTestId("exam-card").Filter(new LocatorFilterOptions { HasText = title });
        await card.GetByTestId("book-slot").ClickAsync();
        await Assertions.Expect(card.GetByTestId("slot-booked")).ToBeVisibleAsync();

        // The proctor opens the room before the exam starts.
        var proctor = await fixture.NewPageAsync();
        await SignInAsync(proctor, proctorUser.Email);
        await proctor.GotoAsync($"/proctor/rooms/{slotId}");
        await Assertions.Expect(proctor.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");

        // The slot opens: the Start button follows the server's clock, not the browser's.
        await student.GotoAsync("/bookings");
        await Assertions.Expect(student.GetByTestId("start-session").First).ToBeDisabledAsync();
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await student.ReloadAsync();
        await student.GetByTestId("start-session").First.ClickAsync();
        await student.GetByTestId("enable-camera").ClickAsync();
        await student.GetByTestId("begin-exam").ClickAsync();
        await Assertions.Expect(student.GetByTestId("question-text")).ToHaveTextAsync("2 + 2 = ?");
        await Assertions.Expect(student.GetByTestId("countdown")).ToBeVisibleAsync();

        // A webcam frame reached the server: the camera status carries the face check that ran on it (and
        // its result when the face model is loaded; Chromium's fake camera shows no face).
        var cameraStatus = student.GetByTestId("camera-status");
        await Assertions.Expect(cameraStatus).ToHaveAttributeAsync("data-frame-check", new Regex("^(ok|unavailable|skipped|unchanged)$"));
        if (await cameraStatus.GetAttributeAsync("data-frame-check") == "ok")
        {
            await Assertions.Expect(cameraStatus).ToHaveTextAsync(new Regex("^Camera on · (face visible|no face detected|\\d+ faces detected)$"));
        }

        // The proctor sees the student appear.
        var row = proctor.GetByTestId("student-row").Filter(new LocatorFilterOptions { HasText = "Sam Student" });
        await Assertions.Expect(row).ToBeVisibleAsync();

        // The student answers both questions; autosave confirms.
        await student.GetByTestId("answer-option").Nth(1).CheckAsync();
        await student.GetByTestId("next-question").ClickAsync();
        await student.GetByTestId("answer-essay").FillAsync("I counted on my fingers: 2 + 2 = 4.");
        await Assertions.Expect(student.GetByTestId("save-state")).ToHaveAttributeAsync("data-state", "saved");
        await fixture.ScreenshotAsync(student, "student-exam");

        // The student switches to another tab and comes back.
        var otherTab = await student.Context.NewPageAsync();
        await otherTab.BringToFrontAsync();
        await HideAsync(student);
        await student.BringToFrontAsync();
        await ShowAsync(student);
        await otherTab.CloseAsync();

        // The proctor sees the alert with its reason, acknowledges it and warns the student.
        var alert = proctor.GetByTestId("alert-item").Filter(new LocatorFilterOptions { HasText = "Left the exam tab" });
        await Assertions.Expect(alert).ToBeVisibleAsync();
        await Assertions.Expect(alert.GetByTestId("alert-student")).ToHaveTextAsync("Sam Student");
        await Assertions.Expect(row.GetByTestId("student-last-seen")).ToHaveAttributeAsync("data-at", new Regex("^\\d{4}-"));
        await alert.GetByTestId("ack-alert").ClickAsync();
        await Assertions.Expect(alert).ToHaveCountAsync(0); // the feed shows open alerts by default
        await proctor.GetByTestId("show-acknowledged").CheckAsync();
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-acknowledged", "true");
        await row.GetByTestId("open-student").ClickAsync();
        var focused = proctor.GetByTestId("focused-view");
        await focused.GetByTestId("warn-student").ClickAsync();
        await proctor.GetByTestId("warn-message").FillAsync("Please stay on the exam tab.");
        await proctor.GetByTestId("send-warning").ClickAsync();
        await Assertions.Expect(focused.GetByTestId("focused-status")).ToContainTextAsync("Warning sent to Sam Student.");
        await fixture.ScreenshotAsync(proctor, "proctor-dashboard");

        await Assertions.Expect(student.GetByTestId("warning-banner")).ToContainTextAsync("Please stay on the exam tab.");

        // The student submits.
        await student.GetByTestId("submit-exam").ClickAsync();
        await student.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(student.GetByTestId("exam-ended")).ToHaveAttributeAsync("data-status", "submitted");
        await Assertions.Expect(row.GetByTestId("student-status")).ToHaveAttributeAsync("data-status", "submitted");
        // "Warning sent…" does not outlive the submission (issue 17).
        await Assertions.Expect(focused.GetByTestId("focused-status")).ToBeEmptyAsync();
        await focused.GetByTestId("close-focused").ClickAsync();

        // The teacher grades the essay and publishes the result.
        await teacher.ReloadAsync();
        await teacher.GetByTestId("open-grading").First.ClickAsync();
        var essayGrade = teacher.GetByTestId("grade-question").Filter(new LocatorFilterOptions { HasText = "Explain how you checked" });
        await essayGrade.GetByTestId("grade-score").FillAsync("3");
        await essayGrade.GetByTestId("grade-feedback").FillAsync("Good check.");
        await essayGrade.GetByTestId("grade-save").ClickAsync();
        await Assertions.Expect(essayGrade.GetByTestId("grade-status")).ToBeVisibleAsync();
        await teacher.GetByTestId("publish-result").ClickAsync();
        await Assertions.Expect(teacher.GetByTestId("submission-status")).ToHaveTextAsync("Published");

        // The student reads the grade: 1 + 3 of 5 points, 80 %, above the default pass mark of 60 %.
        await student.GotoAsync("/results");
        await Assertions.Expect(student.GetByTestId("result-row").First.GetByTestId("result-score")).ToHaveTextAsync("4 / 5 (80 %)");
        await student.GetByTestId("open-result").First.ClickAsync();
        await Assertions.Expect(student.GetByTestId("result-summary").GetByTestId("result-score")).ToHaveTextAsync("4 / 5");
        await Assertions.Expect(student.GetByTestId("result-percent")).ToHaveTextAsync("80 %");
        await Assertions.Expect(student.GetByTestId("result-passed")).ToHaveTextAsync("Passed");
        await Assertions.Expect(student.GetByTestId("question-feedback").Filter(new LocatorFilterOptions { HasText = "Good check." })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(student, "student-results");

        var adminPage = await fixture.NewPageAsync();
        await SignInAsync(adminPage, ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        await adminPage.GotoAsync("/admin/users");
        await Assertions.Expect(adminPage.GetByTestId("user-row").First).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(adminPage, "admin-users");
    }

    [Fact]
    public async Task ServerTextIsShownAsTextNeverAsHtml()
    {
        const string Payload = "<img src=x onerror=\"window.__xss=1\">";
        var admin = await fixture.App.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher, Payload);
        var student = (await admin.NewUserAsync(UserRole.Student, Payload + " Student")).User!;
        var exam = await teacher.CreatePublishedExamAsync(title: Payload);
        await teacher.AddSlotAsync(exam.Id, TimeSpan.FromHours(4));

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, student.Email);
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(Payload + " Student");
        await page.GotoAsync("/exams");
        var card = page.GetByTestId("exam-card").Filter(new LocatorFilterOptions { Has = page.GetByText(Payload, new PageGetByTextOptions { Exact = true }) });
        await Assertions.Expect(card.GetByTestId("exam-title")).ToHaveTextAsync(Payload);
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    private static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Headless Chromium keeps every tab "visible", so after bringing another tab to the front the
    /// page is told what a real browser would report: hidden, then visible again.
    /// </summary>
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
