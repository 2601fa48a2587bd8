using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Hosting;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.TestSupport.Web;

/// <summary>An HTTP client speaking the API's JSON, optionally signed in, with the steps tests repeat.</summary>
public sealed class ApiClient(HttpClient http, ApiFactory factory)
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public HttpClient Http { get; } = http;

    public UserView? User { get; private init; }

    public string? Token { get; private init; }

    public Caller Caller => new(User!.Id, User.Role);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiHostingExtensions.ConfigureJson(options);
        return options;
    }

    public async Task<ApiClient> LoginAsync(string email, string password)
    {
        var response = await PostAsync("/api/auth/login", new { email, password });
        await Expect.Status(HttpStatusCode.OK, response);
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
        return WithToken(token.AccessToken, token.User);
    }

    public ApiClient WithToken(string token, UserView? user = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(client, factory) { Token = token, User = user ?? User };
    }

    /// <summary>Creates an account through the admin API and signs it in.</summary>
    public async Task<ApiClient> NewUserAsync(UserRole role, string? name = null)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@school.test";
        var response = await PostAsync("/api/users", new { name = name ?? $"{role} {email[..12]}", email, password = "password-123", role });
        await Expect.Status(HttpStatusCode.Created, response);
        return await factory.Anonymous().LoginAsync(email, "password-123");
    }

    public async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await Expect.Status(expected, response);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async Task<T> GetAsync<T>(string path) => await ReadAsync<T>(await GetRawAsync(path));

    public Task<HttpResponseMessage> GetRawAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative), Cancel);

    public Task<string> GetStringAsync(string path) => Http.GetStringAsync(new Uri(path, UriKind.Relative), Cancel);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => Http.PostAsJsonAsync(path, body ?? new { }, Json, Cancel);

    /// <summary>Posts a body exactly as written, for malformed or oddly typed JSON.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => Http.PutAsJsonAsync(path, body, Json, Cancel);

    public Task<HttpResponseMessage> PatchAsync(string path, object body) => Http.PatchAsJsonAsync(path, body, Json, Cancel);

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(new Uri(path, UriKind.Relative), Cancel);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request, Cancel);

    /// <summary>The exam every journey uses: one question of each type, 10 points, pass mark 50 %.</summary>
    public static object ExamBody(string title = "Chemistry", int durationMinutes = 30) => new
    {
        title,
        description = "Mid-term",
        durationMinutes,
        passMarkPercent = 50,
        questions = new object[]
        {
            new { id = "single", type = "single_choice", text = "H2O is?", options = new[] { "salt", "water" }, correct = new[] { 1 }, points = 2 },
            new { id = "multi", type = "multiple_choice", text = "Noble gases?", options = new[] { "He", "O", "Ne" }, correct = new[] { 0, 2 }, points = 2 },
            new { id = "tf", type = "true_false", text = "Gold is a metal.", correct = new[] { 0 }, points = 1 },
            new { id = "short", type = "short_answer", text = "Symbol of sodium?", correctText = "Na", points = 1 },
            new { id = "essay", type = "essay", text = "Explain covalent bonds.", points = 4 },
        },
    };

    public async Task<ExamView> CreatePublishedExamAsync(int durationMinutes = 30, string title = "Chemistry")
    {
        var exam = await ReadAsync<ExamView>(await PostAsync("/api/exams", ExamBody(title, durationMinutes)), HttpStatusCode.Created);
        return await ReadAsync<ExamView>(await PostAsync($"/api/exams/{exam.Id}/publish"));
    }

    public async Task<SlotView> AddSlotAsync(string examId, TimeSpan startsIn, int capacity = 30) =>
        await ReadAsync<SlotView>(await PostAsync($"/api/exams/{examId}/slots", new { startsAt = factory.Clock.GetUtcNow() + startsIn, capacity }), HttpStatusCode.Created);

    public async Task<BookingView> BookAsync(string slotId) =>
        await ReadAsync<BookingView>(await PostAsync($"/api/slots/{slotId}/bookings"), HttpStatusCode.Created);

    public async Task<SessionView> StartAsync(string bookingId) =>
        await ReadAsync<SessionView>(await PostAsync($"/api/bookings/{bookingId}/session"), HttpStatusCode.Created);
}
