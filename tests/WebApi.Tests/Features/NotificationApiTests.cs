using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MimeKit;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// <c>/api/notifications</c> and <c>/hubs/notifications</c>: a user's own inbox, pushed to every open tab of that user
/// and nobody else; e-mail written to the pickup folder in embedded mode.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NotificationApiTests(ApiFactory factory)
{
    private static readonly string[] s_pushes = ["notification", "unreadCount"];

    [Fact]
    public async Task EveryTabOfTheUserGetsThePushAndAnotherUserNothing()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        var other = await admin.NewUserAsync(UserRole.Student);
        await using var firstTab = await HubClient.ConnectAsync(factory, "/hubs/notifications", student.Token!, s_pushes);
        await using var secondTab = await HubClient.ConnectAsync(factory, "/hubs/notifications", student.Token!, s_pushes);
        await using var otherTab = await HubClient.ConnectAsync(factory, "/hubs/notifications", other.Token!, s_pushes);

        var slot = await SlotAsync(admin);
        await student.BookAsync(slot);
        foreach (var tab in new[] { firstTab, secondTab })
        {
            var pushed = await tab.WaitForAsync("notification", m => m.Count == 1);
            Assert.Equal("booking_confirmed", pushed[0].GetProperty("type").GetString());
            Assert.Equal(1, (await tab.WaitForAsync("unreadCount", m => m.Count == 1))[0].GetProperty("count").GetInt32());
        }

        // The other user's own booking comes after: by then the first user's push would have reached them too.
        await other.BookAsync(slot);
        var theirs = await otherTab.WaitForAsync("notification", m => m.Count >= 1);
        var own = await other.GetAsync<JsonElement>("/api/notifications");
        Assert.Equal(own.GetProperty("items")[0].GetProperty("id").GetString(), Assert.Single(theirs).GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheInboxListsNewestFirstAndMarksReadOneOrAll()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        await using var tab = await HubClient.ConnectAsync(factory, "/hubs/notifications", student.Token!, s_pushes);
        var booking = await student.BookAsync(await SlotAsync(admin));
        await Expect.Status(HttpStatusCode.OK, await student.DeleteAsync($"/api/bookings/{booking.Id}"));

        var page = await Eventually.UntilAsync(
            () => student.GetAsync<JsonElement>("/api/notifications?page=1&pageSize=10"),
            p => p.GetProperty("total").GetInt32() == 2, "both notifications in the inbox");
        var items = page.GetProperty("items");
        Assert.Equal("booking_cancelled", items[0].GetProperty("type").GetString());
        Assert.Equal("booking_confirmed", items[1].GetProperty("type").GetString());
        Assert.Equal(2, page.GetProperty("unreadCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("readAt").ValueKind);
        Assert.Equal("/bookings", items[0].GetProperty("link").GetString());
        Assert.Contains(items[0].GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("channel").GetString() == "in_app" && d.GetProperty("status").GetString() == "sent");

        var read = await student.ReadAsync<JsonElement>(await student.PostAsync($"/api/notifications/{items[1].GetProperty("id").GetString()}/read"));
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        await tab.WaitForAsync("unreadCount", m => m.Any(c => c.GetProperty("count").GetInt32() == 1));

        var all = await student.ReadAsync<JsonElement>(await student.PostAsync("/api/notifications/read-all"));
        Assert.Equal(0, all.GetProperty("count").GetInt32());
        Assert.Equal(0, (await student.GetAsync<JsonElement>("/api/notifications")).GetProperty("unreadCount").GetInt32());
        await tab.WaitForAsync("unreadCount", m => m[^1].GetProperty("count").GetInt32() == 0);
    }

    [Fact]
    public async Task AUserCannotReadOrMarkAnotherUsersNotifications()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        await student.BookAsync(await SlotAsync(admin));
        var page = await Eventually.UntilAsync(() => student.GetAsync<JsonElement>("/api/notifications"), p => p.GetProperty("total").GetInt32() == 1, "the confirmation");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();

        var intruder = await admin.NewUserAsync(UserRole.Student);
        await Expect.Problem(HttpStatusCode.NotFound, await intruder.PostAsync($"/api/notifications/{id}/read"));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.PostAsync($"/api/notifications/{id}/read"));
        Assert.Equal(0, (await intruder.GetAsync<JsonElement>("/api/notifications")).GetProperty("total").GetInt32());
        await intruder.PostAsync("/api/notifications/read-all");
        Assert.Equal(1, (await student.GetAsync<JsonElement>("/api/notifications")).GetProperty("unreadCount").GetInt32());
        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().GetRawAsync("/api/notifications"));
    }

    [Fact]
    public async Task TheHubRefusesStrangers()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(factory.CreateClient().BaseAddress!, "/hubs/notifications")).Build();
        await using (connection)
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task PreferencesHaveDefaultsAndChangeOnlyTheTypesListed()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        var defaults = (await student.GetAsync<JsonElement>("/api/notifications/preferences")).GetProperty("items");
        Assert.Equal(9, defaults.GetArrayLength());
        Assert.All(defaults.EnumerateArray(), p => Assert.True(p.GetProperty("inApp").GetBoolean()));

        var updated = await student.ReadAsync<JsonElement>(await student.PutAsync("/api/notifications/preferences",
            new { items = new[] { new { type = "exam_reminder", inApp = true, email = false } } }));
        var reminder = updated.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "exam_reminder");
        Assert.False(reminder.GetProperty("email").GetBoolean());
        var grade = updated.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "grade_published");
        Assert.True(grade.GetProperty("email").GetBoolean());
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheField()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        await Expect.ValidationError("page", await student.GetRawAsync("/api/notifications?page=0"));
        await Expect.ValidationError("pageSize", await student.GetRawAsync("/api/notifications?pageSize=500"));
        await Expect.ValidationError("items", await student.PutAsync("/api/notifications/preferences", new { }));
        await Expect.ValidationError("items[0].email", await student.PutAsync("/api/notifications/preferences", new { items = new[] { new { type = "grade_changed", inApp = true } } }));
        await Expect.Problem(HttpStatusCode.BadRequest, await student.PutAsync("/api/notifications/preferences", new { items = new[] { new { type = "no_such_type", inApp = true, email = true } } }));
        await Expect.Problem(HttpStatusCode.NotFound, await student.PostAsync("/api/notifications/0193f5a1c0de7abc8def000000000000/read"));
    }

    [Fact]
    public async Task InEmbeddedModeTheEmailIsAnEmlFileInThePickupFolder()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        await student.BookAsync(await SlotAsync(admin));

        var message = await Eventually.UntilAsync(
            () => Task.FromResult(ReadPickup().FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == student.User!.Email))),
            m => m is not null, "the student's e-mail in the pickup folder");
        Assert.Equal("Booking confirmed: Chemistry", message!.Subject);
        Assert.Contains("Chemistry", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("UTC", message.HtmlBody, StringComparison.Ordinal);
    }

    private List<MimeMessage> ReadPickup() =>
        Directory.Exists(factory.MailPath) ? [.. Directory.GetFiles(factory.MailPath, "*.eml").Select(f => MimeMessage.Load(f))] : [];

    private static async Task<string> SlotAsync(ApiClient admin)
    {
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await teacher.CreatePublishedExamAsync();
        return (await teacher.AddSlotAsync(exam.Id, TimeSpan.FromHours(30))).Id;
    }
}
