using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProctorWise.LoadGenerator.Api;

/// <summary>
/// The app's HTTP API as the generator uses it. Setup calls throw on failure, since a broken setup makes
/// every later number meaningless; load calls return their status so failures are counted, not fatal.
/// </summary>
internal sealed class ApiClient(HttpClient http)
{
    /// <summary>The status recorded for a load call that got no HTTP answer (time-out, refused connection).</summary>
    public const int NoResponse = 0;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task<Account> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var token = await SendAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password }, cancellationToken).ConfigureAwait(false);
        return new Account(Text(token.GetProperty("user"), "id"), email, Text(token, "accessToken"));
    }

    /// <summary>Creates an account as the admin; returns its id.</summary>
    public async Task<string> CreateUserAsync(Account admin, string name, string email, string password, string role, CancellationToken cancellationToken)
    {
        var user = await SendAsync(HttpMethod.Post, "/api/users", admin.Token, new { name, email, password, role }, cancellationToken).ConfigureAwait(false);
        return Text(user, "id");
    }

    /// <summary>A setup call: JSON in, JSON out, any non-success status is an exception naming the call.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string? token, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: s_json);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = text.Length > 300 ? text[..300] + "…" : text;
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {detail}", null, response.StatusCode);
        }

        if (text.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public Task<CallResult> PostFrameAsync(string token, string sessionId, byte[] jpeg)
    {
        var content = new ByteArrayContent(jpeg);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return LoadCallAsync(token, $"/api/sessions/{sessionId}/frames", content);
    }

    public Task<CallResult> PostEventAsync(string token, string sessionId, string type, long seq) =>
        LoadCallAsync(token, $"/api/sessions/{sessionId}/events", JsonContent.Create(new { type, occurredAt = DateTimeOffset.UtcNow, seq }, options: s_json));

    public Task<CallResult> PutAnswerAsync(string token, string sessionId, string questionId, int choice, long seq) =>
        LoadCallAsync(token, $"/api/sessions/{sessionId}/answers/{questionId}", JsonContent.Create(new { answer = new[] { choice }, seq }, options: s_json), HttpMethod.Put);

    /// <summary>A proctor's tile poll: the latest frame, or 304 when it is still the one of <paramref name="etag"/>.</summary>
    public async Task<TileResult> GetLiveFrameAsync(string token, string sessionId, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/sessions/{sessionId}/live-frame", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        try
        {
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return new TileResult((int)response.StatusCode, body.Length, response.Headers.ETag?.ToString() ?? etag);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new TileResult(NoResponse, 0, etag);
        }
    }

    public static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"'{property}' is null in {element}.");

    /// <summary>
    /// A load call is never cancelled by the stage's end: cutting requests off mid-flight would count as
    /// errors that the server did not make. The client's own time-out bounds it.
    /// </summary>
    private async Task<CallResult> LoadCallAsync(string token, string path, HttpContent content, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new CallResult((int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new CallResult(NoResponse, e.Message);
        }
    }
}
