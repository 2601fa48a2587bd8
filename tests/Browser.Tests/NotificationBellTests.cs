using System.Net;
using Microsoft.Playwright;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The bell in the header (issue 16): its unread count rises live when the teacher publishes the grade, the
/// notification is in the list, and reading it brings the count down — in every open tab of the student.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NotificationBellTests(BrowserFixture fixture)
{
    private const string Password = "password-123";

    [Fact]
    public async Task TheBellCountsAPublishedGradeAndReadingItBringsTheCountDown()
    {
        var admin = await fixture.App.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student, "Nora Notified");
        var title = "Bell " + Guid.NewGuid().ToString("N")[..6];
        var booked = await BookedSlot.ArrangeAsync(fixture.App, title: title, student: student);
        var running = await booked.StartAsync();
        var submitted = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{running.Session.Id}/submit"));

        // The booking confirmation arrives first (through the event stream); wait for it so the counts below are exact.
        await Eventually.UntilAsync(
            () => student.GetAsync<NotificationPage>("/api/notifications"),
            p => p.Items.Any(n => n.Type == NotificationType.BookingConfirmed),
            "the booking confirmation in the student's inbox",
            describe: p => string.Join(", ", p.Items.Select(n => n.Type)));

        var page = await fixture.NewPageAsync();
        var other = await fixture.NewPageAsync();
        await SignInAsync(page, student.User!.Email);
        await page.GotoAsync("/notifications");
        var bell = page.GetByTestId("notification-bell");
        await Assertions.Expect(page.GetByTestId("notification-item").First).ToBeVisibleAsync();
        await page.GetByTestId("notifications-read-all").ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.GetByTestId("notification-count")).ToBeHiddenAsync();

        // A second tab of the same student (the token is per tab: sign in there too).
        await SignInAsync(other, student.User.Email);
        await Assertions.Expect(other.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-count", "0");

        await Expect.Status(HttpStatusCode.OK, await booked.Teacher.PutAsync($"/api/submissions/{submitted.SubmissionId}/grades/essay", new { score = 2 }));
        await Expect.Status(HttpStatusCode.OK, await booked.Teacher.PostAsync($"/api/submissions/{submitted.SubmissionId}/publish"));

        // Live, without a reload, in both tabs; the list page shows the new notification on top.
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.GetByTestId("notification-count")).ToHaveTextAsync("1");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await Assertions.Expect(other.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-count", "1");
        var fresh = page.Locator("[data-testid='notification-item'][data-read='false']");
        await Assertions.Expect(fresh).ToHaveCountAsync(1);
        await Assertions.Expect(fresh.GetByTestId("notification-title")).ToContainTextAsync(title);
        await fixture.ScreenshotAsync(page, "notifications-unread");

        await fresh.GetByTestId("notification-mark-read").ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator("[data-testid='notification-item'][data-read='false']")).ToHaveCountAsync(0);
        await Assertions.Expect(other.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-count", "0");
    }

    [Fact]
    public async Task PreferencesAreSavedAndShownAgain()
    {
        var admin = await fixture.App.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student, "Pia Preferences");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, student.User!.Email);
        await page.GetByTestId("notification-bell").ClickAsync();
        await page.GetByTestId("notification-preferences-link").ClickAsync();
        var reminder = page.Locator("[data-testid='preference-row'][data-type='exam_reminder']");
        await Assertions.Expect(reminder).ToBeVisibleAsync();
        var email = reminder.GetByTestId("preference-email");
        var wanted = !await email.IsCheckedAsync();
        await email.SetCheckedAsync(wanted);
        await page.GetByTestId("preferences-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-status")).ToContainTextAsync("Preferences saved");

        await page.ReloadAsync();
        var again = page.Locator("[data-testid='preference-row'][data-type='exam_reminder']").GetByTestId("preference-email");
        if (wanted)
        {
            await Assertions.Expect(again).ToBeCheckedAsync();
        }
        else
        {
            await Assertions.Expect(again).Not.ToBeCheckedAsync();
        }

        var saved = await student.GetAsync<NotificationPreferencesResponseShape>("/api/notifications/preferences");
        Assert.Equal(wanted, saved.Items.Single(p => p.Type == NotificationType.ExamReminder).Email);
    }

    private sealed record NotificationPreferencesResponseShape(IReadOnlyList<NotificationPreference> Items);

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }
}
