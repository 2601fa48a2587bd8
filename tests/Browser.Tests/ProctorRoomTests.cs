using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The proctor's room of issue 17 in the real browser: thirty live camera tiles for the room's proctor and none
/// for another proctor, keyboard navigation, the focused view's extra time reaching the student's timer, an
/// accessibility check, the whole room of thirty on one 1920 × 1080 screen (measured; also whole at 1280 px and on a
/// phone) with screenshots; and the grading page showing a saved grade at once and partial
/// credit as "partly correct".
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ProctorRoomTests(BrowserFixture fixture)
{
    private const string Password = "password-123";
    private const int Students = 30;

    [Fact]
    public async Task TheRoomsProctorWatchesThirtyLiveTilesAndAnotherProctorNone()
    {
        var app = fixture.App;
        var admin = await app.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var proctorUser = await admin.NewUserAsync(UserRole.Proctor, "Pia Proctor");
        var outsiderUser = await admin.NewUserAsync(UserRole.Proctor, "Otto Outsider");
        var exam = await teacher.CreatePublishedExamAsync(title: "Room of thirty " + Guid.NewGuid().ToString("N")[..6]);
        // Thirty accounts and bookings take longer than BookedSlot.OpensIn of real time on a loaded machine; the clock
        // is moved to the start below, so the lead time only has to outlast the set-up. Not much more: the fixture's
        // clock moves for every later test.
        var opensIn = TimeSpan.FromMinutes(2);
        var slot = await teacher.AddSlotAsync(exam.Id, opensIn, capacity: Students);
        var otherSlot = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromHours(5));
        await Expect.Status(HttpStatusCode.NoContent, await teacher.PostAsync($"/api/slots/{slot.Id}/proctors", new { proctorId = proctorUser.User!.Id }));
        await Expect.Status(HttpStatusCode.NoContent, await teacher.PostAsync($"/api/slots/{otherSlot.Id}/proctors", new { proctorId = outsiderUser.User!.Id }));

        var students = new List<(ApiClient Client, string BookingId)>();
        for (var i = 0; i < Students; i++)
        {
            var student = await admin.NewUserAsync(UserRole.Student, $"Student {i + 1:00}");
            students.Add((student, (await student.BookAsync(slot.Id)).Id));
        }

        app.Clock.Advance(opensIn);
        var sessions = new List<string>();
        foreach (var (client, bookingId) in students)
        {
            sessions.Add((await client.StartAsync(bookingId)).Id);
        }

        // Every camera but the last two sent a frame.
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < Students - 2; i++)
        {
            await PostFrameAsync(students[i].Client, sessions[i], i % 2 == 0 ? TestFrames.WebcamWithFace : TestFrames.WebcamEmpty);
        }

        var proctor = await fixture.NewPageAsync();
        await SignInAsync(proctor, proctorUser.User.Email);
        await proctor.SetViewportSizeAsync(1920, 1080);
        await proctor.GotoAsync($"/proctor/rooms/{slot.Id}");
        await Assertions.Expect(proctor.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
        var tiles = proctor.GetByTestId("student-row");
        await Assertions.Expect(tiles).ToHaveCountAsync(Students);
        await Assertions.Expect(proctor.Locator("[data-testid='tile-frame']:visible")).ToHaveCountAsync(Students - 2);
        var last = proctor.Locator($"[data-testid='student-row'][data-session-id='{sessions[^1]}']");
        await Assertions.Expect(last.GetByTestId("tile-camera")).ToHaveAttributeAsync("data-state", "off");
        await Assertions.Expect(last.GetByTestId("student-progress")).ToHaveTextAsync(new Regex("^answered 0 of 5 · \\d+ min left$"));

        // A new frame replaces the tile's picture (the tile polls every ~2 s with the ETag it has).
        var first = proctor.Locator($"[data-testid='student-row'][data-session-id='{sessions[0]}']");
        await Assertions.Expect(first.GetByTestId("tile-frame")).ToHaveAttributeAsync("data-frames", "1");
        app.Clock.Advance(TimeSpan.FromSeconds(1.1));
        await PostFrameAsync(students[0].Client, sessions[0], TestFrames.WebcamEmpty);
        await Assertions.Expect(first.GetByTestId("tile-frame")).ToHaveAttributeAsync("data-frames", "2");

        // Sorted by name, then keyboard: one tab stop for the grid, arrows between tiles, Enter opens the student.
        await proctor.GetByTestId("room-sort").SelectOptionAsync("name");
        await Assertions.Expect(tiles.First.GetByTestId("student-name")).ToHaveTextAsync("Student 01");
        await tiles.First.FocusAsync();
        await proctor.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(tiles.Nth(1)).ToBeFocusedAsync();
        await proctor.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(tiles.First).ToBeFocusedAsync();
        await proctor.Keyboard.PressAsync("Enter");
        var focused = proctor.GetByTestId("focused-view");
        await Assertions.Expect(focused.GetByTestId("focused-name")).ToHaveTextAsync("Student 01");
        await Assertions.Expect(focused.GetByTestId("focused-frame")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(proctor);
        await focused.GetByTestId("close-focused").ClickAsync();
        await Assertions.Expect(tiles.First).ToBeFocusedAsync();

        // Filters: nobody finished yet; everyone is in the room.
        await proctor.GetByTestId("room-filter").SelectOptionAsync("finished");
        await Assertions.Expect(tiles).ToHaveCountAsync(0);
        await Assertions.Expect(proctor.GetByTestId("room-empty")).ToHaveTextAsync("No student matches this filter.");
        await proctor.GetByTestId("room-filter").SelectOptionAsync("all");
        await Assertions.Expect(tiles).ToHaveCountAsync(Students);
        await proctor.GetByTestId("room-sort").SelectOptionAsync("risk");

        await Accessibility.AssertNoSeriousViolationsAsync(proctor);

        // Thirty students on one 1080p screen: the page does not scroll and the last tile ends inside the window.
        var room = await MeasureRoomAsync(proctor);
        Assert.True(room.PageHeight <= 1080 && room.LastTileBottom <= 1080, $"the room of {Students} needs {room.PageHeight} px (last tile ends at {room.LastTileBottom} px) in a 1920 × 1080 window");
        Assert.Equal(4, room.Columns);
        var layout = $"Room of {Students} at 1920 × 1080: page {room.PageHeight} px, last tile ends at {room.LastTileBottom} px, {room.Columns} columns, tiles {room.TileWidth} px wide";
        TestContext.Current.SendDiagnosticMessage(layout);
        await File.WriteAllTextAsync(Path.Combine(fixture.ScreenshotDirectory, "room-layout.txt"), layout + Environment.NewLine, TestContext.Current.CancellationToken);
        await fixture.ScreenshotAsync(proctor, "proctor-room-30-students");
        await ReportFrameBytesAsync(proctor, "test frames (TestFrames.WebcamWithFace / WebcamEmpty)");

        // Narrower screens keep every tile whole: two columns at 1280 px, one on a phone, never a sideways scroll.
        await proctor.SetViewportSizeAsync(1280, 800);
        room = await MeasureRoomAsync(proctor);
        Assert.Equal(2, room.Columns);
        Assert.True(room.PageWidth <= 1280 && room.TileWidth >= 300, $"the room is {room.PageWidth} px wide at 1280 px, a tile {room.TileWidth} px");
        await fixture.ScreenshotAsync(proctor, "proctor-room-1280");
        await proctor.SetViewportSizeAsync(390, 844);
        room = await MeasureRoomAsync(proctor);
        Assert.Equal(1, room.Columns);
        Assert.True(room.PageWidth <= 390 && room.TileWidth >= 340, $"the room is {room.PageWidth} px wide on a phone, a tile {room.TileWidth} px");
        await fixture.ScreenshotAsync(proctor, "proctor-room-phone");
        await proctor.SetViewportSizeAsync(1920, 1080);

        // The tiles in the dark scheme: the dark theme, and axe finds no contrast (or other) violation in it.
        await proctor.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Appearance.AssertDarkThemeAsync(proctor);
        await Accessibility.AssertNoSeriousViolationsAsync(proctor);
        await fixture.ScreenshotAsync(proctor, "proctor-room-dark");

        // A proctor of another room sees no tile and no picture; the API refuses the frame.
        var outsider = await fixture.NewPageAsync();
        await SignInAsync(outsider, outsiderUser.User.Email);
        await outsider.GotoAsync($"/proctor/rooms/{slot.Id}");
        await Assertions.Expect(outsider.GetByTestId("room-status")).ToContainTextAsync("Could not open this room");
        Assert.Equal(0, await outsider.GetByTestId("student-row").CountAsync());
        Assert.Equal(0, await outsider.Locator("img[data-testid='tile-frame']").CountAsync());
        var refused = await outsider.APIRequest.GetAsync($"/api/sessions/{sessions[0]}/live-frame", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + outsiderUser.Token },
        });
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task ExtraTimeGivenInTheRoomReachesTheStudentsTimer()
    {
        var admin = await fixture.App.AdminAsync();
        var proctorUser = await admin.NewUserAsync(UserRole.Proctor, "Percy Proctor");
        var studentClient = await admin.NewUserAsync(UserRole.Student, "Stella Student");
        var booked = await BookedSlot.ArrangeAsync(fixture.App, title: "Extra time " + Guid.NewGuid().ToString("N")[..6], student: studentClient);
        await Expect.Status(HttpStatusCode.NoContent, await booked.Teacher.PostAsync($"/api/slots/{booked.Slot.Id}/proctors", new { proctorId = proctorUser.User!.Id }));
        booked.Open();

        // The student starts in the browser with the fake camera, so the tile is fed by real webcam frames.
        var student = await fixture.NewPageAsync();
        await SignInAsync(student, studentClient.User!.Email);
        await student.GotoAsync("/bookings");
        await student.GetByTestId("start-session").First.ClickAsync();
        await student.GetByTestId("enable-camera").ClickAsync();
        await student.GetByTestId("begin-exam").ClickAsync();
        await Assertions.Expect(student.GetByTestId("countdown")).ToBeVisibleAsync();
        var deadline = student.GetByTestId("deadline");
        var before = DateTimeOffset.Parse(await deadline.GetAttributeAsync("data-deadline") ?? throw new InvalidOperationException("no deadline"), CultureInfo.InvariantCulture);

        var proctor = await fixture.NewPageAsync();
        await SignInAsync(proctor, proctorUser.User.Email);
        await proctor.GotoAsync($"/proctor/rooms/{booked.Slot.Id}");
        var row = proctor.GetByTestId("student-row").Filter(new LocatorFilterOptions { HasText = "Stella Student" });
        await Assertions.Expect(row.GetByTestId("tile-frame")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("tile-frame")).ToHaveAttributeAsync("data-frames", new Regex("^([2-9]|\\d{2,})$"));
        await ReportFrameBytesAsync(proctor, "Chromium's fake camera");

        await row.GetByTestId("open-student").ClickAsync();
        var focused = proctor.GetByTestId("focused-view");
        await focused.GetByTestId("extend-time").ClickAsync();
        await proctor.GetByTestId("extend-minutes").FillAsync("10");
        await proctor.GetByTestId("confirm-extend").ClickAsync();
        await Assertions.Expect(focused.GetByTestId("focused-status")).ToContainTextAsync("10 more minutes");

        var expected = before.AddMinutes(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        await Assertions.Expect(deadline).ToHaveAttributeAsync("data-deadline", expected);
        await Assertions.Expect(student.GetByTestId("exam-message")).ToContainTextAsync("Your deadline changed");
        await Assertions.Expect(focused.GetByTestId("focused-deadline")).ToHaveAttributeAsync("data-deadline", new Regex("."));
    }

    [Fact]
    public async Task TheGradingPageShowsASavedGradeAtOnce()
    {
        var booked = await BookedSlot.ArrangeAsync(fixture.App, title: "Grading " + Guid.NewGuid().ToString("N")[..6]);
        var running = await booked.StartAsync();
        // One of the two right options of the multiple-choice question: half its points.
        await Expect.Status(HttpStatusCode.NoContent, await running.Student.PutAsync($"/api/sessions/{running.Session.Id}/answers/multi", new { answer = new[] { 0 }, seq = 1 }));
        var submitted = await running.Student.ReadAsync<SubmitResponse>(await running.Student.PostAsync($"/api/sessions/{running.Session.Id}/submit"));

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, booked.Teacher.User!.Email);
        await page.GotoAsync($"/teacher/submissions/{submitted.SubmissionId}");

        // The heading takes focus after the navigation without the thick keyboard ring (issue 17).
        await Assertions.Expect(page.GetByTestId("page-title")).ToBeFocusedAsync();
        Assert.Equal("none", await page.GetByTestId("page-title").EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle"));

        // Partial credit reads as such (issue 17), not as "not correct".
        var multi = page.Locator("[data-testid='grade-question'][data-question-id='multi']");
        await Assertions.Expect(multi.GetByTestId("grade-result")).ToHaveTextAsync("Graded automatically: 1 / 2 · partly correct");

        var essay = page.Locator("[data-testid='grade-question'][data-question-id='essay']");
        await Assertions.Expect(essay.GetByTestId("grade-state")).ToHaveAttributeAsync("data-state", "pending");
        await essay.GetByTestId("grade-score").FillAsync("3");
        await essay.GetByTestId("grade-save").ClickAsync();
        await Assertions.Expect(essay.GetByTestId("grade-status")).ToContainTextAsync("Grade saved.");
        await Assertions.Expect(essay.GetByTestId("grade-state")).ToHaveAttributeAsync("data-state", "graded");
        await Assertions.Expect(essay.GetByTestId("grade-result")).ToHaveTextAsync("Graded by the teacher: 3 / 4");
        await Assertions.Expect(essay).Not.ToContainTextAsync("needs grading");
    }

    /// <summary>
    /// Writes the image bytes the room received per frame to the test output: the basis of the tile cost in
    /// docs/PERFORMANCE.md (a count of bytes, not a timing).
    /// </summary>
    private async Task ReportFrameBytesAsync(IPage page, string source)
    {
        var grid = page.GetByTestId("room-grid");
        var bytes = long.Parse(await grid.GetAttributeAsync("data-frame-bytes") ?? "0", CultureInfo.InvariantCulture);
        var images = long.Parse(await grid.GetAttributeAsync("data-frame-images") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(images > 0 && bytes > 0, "the room received no image");
        var line = $"Room tiles, {source}: {images} images, {bytes} bytes, {bytes / images} bytes per image";
        TestContext.Current.SendDiagnosticMessage(line);
        await File.AppendAllTextAsync(Path.Combine(fixture.ScreenshotDirectory, "tile-bytes.txt"), line + Environment.NewLine, TestContext.Current.CancellationToken);
    }

    private sealed record RoomMeasure(int PageHeight, int PageWidth, int LastTileBottom, int Columns, int TileWidth);

    /// <summary>The page's size, where the lowest tile ends, how many tiles share the first row and how wide one is (CSS pixels).</summary>
    private static async Task<RoomMeasure> MeasureRoomAsync(IPage page)
    {
        var m = await page.EvaluateAsync<int[]>("""
            () => {
              const tiles = [...document.querySelectorAll('[data-testid="student-row"]')].map(t => t.getBoundingClientRect());
              const top = tiles[0].top;
              return [
                document.documentElement.scrollHeight,
                document.documentElement.scrollWidth,
                Math.ceil(Math.max(...tiles.map(t => t.bottom + window.scrollY))),
                tiles.filter(t => Math.abs(t.top - top) < 1).length,
                Math.floor(tiles[0].width),
              ];
            }
            """);
        return new RoomMeasure(m[0], m[1], m[2], m[3], m[4]);
    }

    /// <summary>Posts a frame; the caller moves the clock (a session takes at most one frame a second).</summary>
    private static async Task PostFrameAsync(ApiClient student, string sessionId, byte[] frame) =>
        await Expect.Status(HttpStatusCode.Accepted, await student.Http.PostAsync(new Uri($"/api/sessions/{sessionId}/frames", UriKind.Relative), FrameContent.Of(frame), TestContext.Current.CancellationToken));

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }
}
