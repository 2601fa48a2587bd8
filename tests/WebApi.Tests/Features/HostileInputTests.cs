using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// Input chosen to break things (dates at the end of the calendar, numbers beyond every type, ids that are
/// not ids, pages near <see cref="int.MaxValue"/>, the wrong media type) gets a 4xx problem naming the
/// field, never a 500, and leaves nothing behind that makes later reads fail.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileInputTests(ApiFactory factory)
{
    /// <summary>A well-formed id that names nothing.</summary>
    private const string UnknownId = "0123456789abcdef0123456789abcdef";

    /// <summary>Path values as sent on the wire (already percent-encoded where needed).</summary>
    private static readonly string[] s_hostilePathValues =
    [
        "%20", "%20%09%20", "%00", new string('a', 4000), "..", "%2E%2E", Uri.EscapeDataString("экзамен-🎓"),
        "2147483647", "-1", "a%2Fb", Uri.EscapeDataString("<script>"),
    ];

    private static readonly string[] s_hostileQueryValues = ["2147483647", "2147483648", "-1", "%00", "%20", "1e30"];

    private static readonly string[] s_methods = ["get", "post", "put", "patch", "delete"];

    private async Task<ApiClient> TeacherAsync() => await (await factory.AdminAsync()).NewUserAsync(UserRole.Teacher);

    private static string ExamJson(string proctoring = "null", string durationMinutes = "30", string passMarkPercent = "50", string points = "1") =>
        $$"""
        {"title":"Hostile","durationMinutes":{{durationMinutes}},"passMarkPercent":{{passMarkPercent}},"proctoring":{{proctoring}},
         "questions":[{"type":"essay","text":"Why?","points":{{points}}}]}
        """;

    [Fact]
    public async Task ASlotWhoseEndCannotBeRepresentedIsRefusedAndTheSlotListKeepsWorking()
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync(durationMinutes: 120);
        var kept = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromDays(1));

        await Expect.ValidationError("startsAt", await teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt = "9999-12-31T23:00:00Z", capacity = 5 }));
        await Expect.ValidationError("startsAt", await teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt = "9999-12-31T23:59:59.9999999Z", capacity = 5 }));

        // Nothing was saved: the list answers, for the owner and for a student, with the one real slot.
        var student = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        foreach (var reader in new[] { teacher, student })
        {
            var slots = await reader.GetAsync<List<SlotView>>($"/api/exams/{exam.Id}/slots");
            Assert.Equal(kept.Id, Assert.Single(slots).Id);
        }
    }

    [Fact]
    public async Task ASlotTooFarAheadIsRefusedWhateverTheDuration()
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync();
        var tooFar = factory.Clock.GetUtcNow().AddYears(6);
        await Expect.ValidationError("startsAt", await teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt = tooFar, capacity = 5 }));
        Assert.Empty(await teacher.GetAsync<List<SlotView>>($"/api/exams/{exam.Id}/slots"));
    }

    [Theory]
    [InlineData("proctoring.lookingAwayYaw", """{"lookingAwayYaw":1e30}""", "30", "50", "1")]
    [InlineData("proctoring.lookingAwayYaw", """{"lookingAwayYaw":-1e300}""", "30", "50", "1")]
    [InlineData("proctoring.lookingAwayYaw", """{"lookingAwayYaw":"1e30"}""", "30", "50", "1")]
    [InlineData("proctoring.noFaceSeconds", """{"noFaceSeconds":1e30}""", "30", "50", "1")]
    [InlineData("proctoring.frameTimeoutSeconds", """{"frameTimeoutSeconds":2147483648}""", "30", "50", "1")]
    [InlineData("durationMinutes", "null", "1e30", "50", "1")]
    [InlineData("durationMinutes", "null", "-2147483649", "50", "1")]
    [InlineData("passMarkPercent", "null", "30", "1e30", "1")]
    [InlineData("passMarkPercent", "null", "30", "-1e300", "1")]
    [InlineData("questions[0].points", "null", "30", "50", "1e30")]
    [InlineData("questions[0].points", "null", "30", "50", "79228162514264337593543950336")]
    public async Task ExamNumbersBeyondTheirTypeNameTheField(string field, string proctoring, string duration, string passMark, string points)
    {
        var teacher = await TeacherAsync();
        var response = await teacher.PostRawAsync("/api/exams", ExamJson(proctoring, duration, passMark, points));
        await Expect.ValidationError(field, response);
        Assert.Equal(0, (await teacher.GetAsync<PagedResult<ExamView>>("/api/exams")).Total);
    }

    [Theory]
    [InlineData("capacity", """{"startsAt":"2100-01-01T00:00:00Z","capacity":1e30}""")]
    [InlineData("capacity", """{"startsAt":"2100-01-01T00:00:00Z","capacity":2147483648}""")]
    [InlineData("capacity", """{"startsAt":"2100-01-01T00:00:00Z","capacity":-2147483649}""")]
    public async Task SlotNumbersBeyondTheirTypeNameTheField(string field, string body)
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync();
        await Expect.ValidationError(field, await teacher.PostRawAsync($"/api/exams/{exam.Id}/slots", body));
        Assert.Empty(await teacher.GetAsync<List<SlotView>>($"/api/exams/{exam.Id}/slots"));
    }

    [Fact]
    public async Task SessionAndGradingNumbersBeyondTheirTypeNameTheField()
    {
        var running = await RunningSession.StartAsync(factory);
        var (student, teacher, session) = (running.Student, running.Teacher, running.Session);

        await Expect.ValidationError("seq", await student.PostRawAsync($"/api/sessions/{session.Id}/events", """{"type":"tab_hidden","seq":1e30}"""));
        await Expect.ValidationError("seq", await student.PostRawAsync($"/api/sessions/{session.Id}/events", """{"type":"tab_hidden","seq":9223372036854775808}"""));
        await Expect.ValidationError("minutes", await teacher.PostRawAsync($"/api/sessions/{session.Id}/extend", """{"minutes":1e30}"""));
        await Expect.ValidationError("minutes", await teacher.PostRawAsync($"/api/sessions/{session.Id}/extend", """{"minutes":2147483648}"""));
        await Expect.ValidationError("seq", await SendJsonAsync(student, HttpMethod.Put, $"/api/sessions/{session.Id}/answers/essay", """{"answer":"x","seq":1e300}"""));
        await Expect.ValidationError("score", await SendJsonAsync(teacher, HttpMethod.Put, $"/api/submissions/{UnknownId}/grades/essay", """{"score":1e30}"""));
        await Expect.ValidationError("score", await SendJsonAsync(teacher, HttpMethod.Put, $"/api/submissions/{UnknownId}/grades/essay", """{"score":-1e300}"""));
    }

    [Theory]
    [InlineData("/api/exams/%20", "id")]
    [InlineData("/api/exams/%20%09/slots", "id")]
    [InlineData("/api/users/%E2%80%83", "id")]
    [InlineData("/api/sessions/%E2%80%8B", "id")]
    [InlineData("/api/sessions/abc%20def/anomalies", "id")]
    [InlineData("/api/slots/..%2F..%2Fetc/proctors", "slotId")]
    [InlineData("/api/slots/%D0%B6/bookings", "slotId")]
    public async Task AMalformedIdInARouteIsA400NamingIt(string path, string field)
    {
        var admin = await factory.AdminAsync();
        await Expect.ValidationError(field, await admin.GetRawAsync(path));
    }

    [Fact]
    public async Task AnOverlongIdInARouteIsA400NamingIt()
    {
        var admin = await factory.AdminAsync();
        await Expect.ValidationError("id", await admin.GetRawAsync("/api/exams/" + new string('a', 2000)));
        await Expect.ValidationError("proctorId", await admin.DeleteAsync($"/api/slots/{UnknownId}/proctors/{new string('p', 200)}"));
    }

    [Fact]
    public async Task AMalformedIdInABodyIsA400NamingIt()
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync();
        var slot = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromDays(1));
        await Expect.ValidationError("proctorId", await teacher.PostAsync($"/api/slots/{slot.Id}/proctors", new { proctorId = "\t proctor \u0000" }));
    }

    [Fact]
    public async Task AMalformedIdInAHubCallIsRefusedNamingTheArgument()
    {
        var admin = await factory.AdminAsync();
        var proctor = await admin.NewUserAsync(UserRole.Proctor);
        var student = await admin.NewUserAsync(UserRole.Student);
        await using var proctorHub = await HubClient.ConnectAsync(factory, "/hubs/proctor", proctor.Token!);
        await using var studentHub = await HubClient.ConnectAsync(factory, "/hubs/student", student.Token!);

        foreach (var bad in new[] { "   ", "\u0000", new string('x', 500), "../x" })
        {
            var watch = await Assert.ThrowsAsync<HubException>(() => proctorHub.Connection.InvokeAsync<JsonElement>("WatchRoom", bad, TestContext.Current.CancellationToken));
            Assert.Contains("slotId", watch.Message, StringComparison.Ordinal);
            var join = await Assert.ThrowsAsync<HubException>(() => studentHub.Connection.InvokeAsync<JsonElement>("JoinSession", bad, TestContext.Current.CancellationToken));
            Assert.Contains("sessionId", join.Message, StringComparison.Ordinal);
        }

        // The connections stay usable: a refusal of bad input is not a fault.
        var unknown = await Assert.ThrowsAsync<HubException>(() => proctorHub.Connection.InvokeAsync<JsonElement>("WatchRoom", UnknownId, TestContext.Current.CancellationToken));
        Assert.DoesNotContain("slotId", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesNearIntMaxValueAreEmptyOrNamedNeverWrapAround()
    {
        var teacher = await TeacherAsync();
        await teacher.CreatePublishedExamAsync();

        var last = await teacher.GetAsync<PagedResult<ExamView>>($"/api/exams?page={int.MaxValue}&pageSize={PageRequest.MaxPageSize}");
        Assert.Empty(last.Items);
        Assert.Equal(1, last.Total);
        Assert.Equal(int.MaxValue, last.Page);

        var admin = await factory.AdminAsync();
        Assert.Empty((await admin.GetAsync<PagedResult<Grains.Interfaces.Users.UserView>>($"/api/users?page={int.MaxValue - 1}&pageSize=3")).Items);

        await Expect.ValidationError("page", await teacher.GetRawAsync("/api/exams?page=2147483648"));
        await Expect.ValidationError("pageSize", await teacher.GetRawAsync("/api/exams?pageSize=99999999999999999999"));
        await Expect.ValidationError("page", await teacher.GetRawAsync("/api/exams?page=-2147483648"));
        await Expect.ValidationError("limit", await admin.GetRawAsync("/api/proctor/alerts?limit=2147483648"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task ABodyOfTheWrongMediaTypeIsA415(string mediaType)
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync();
        foreach (var (method, path) in new[] { (HttpMethod.Post, "/api/exams"), (HttpMethod.Put, $"/api/exams/{exam.Id}"), (HttpMethod.Post, $"/api/exams/{exam.Id}/slots") })
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(ExamJson(), Encoding.UTF8, mediaType) };
            await Expect.Problem(HttpStatusCode.UnsupportedMediaType, await teacher.SendAsync(request));
        }

        Assert.Equal(1, (await teacher.GetAsync<PagedResult<ExamView>>("/api/exams")).Total);
        Assert.Empty(await teacher.GetAsync<List<SlotView>>($"/api/exams/{exam.Id}/slots"));
    }

    [Theory]
    [InlineData("2030-01-01T10:00:00")]
    [InlineData("2030-01-01T10:00")]
    [InlineData("2030-01-01")]
    [InlineData("2030-01-01T10:00:00.5")]
    public async Task ATimestampWithoutAnOffsetIsRefusedNotReadAsServerTime(string startsAt)
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync();
        var problem = await Expect.ValidationError("startsAt", await teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt, capacity = 5 }));
        Assert.Contains("offset", problem.GetProperty("errors").GetProperty("startsAt")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await teacher.GetAsync<List<SlotView>>($"/api/exams/{exam.Id}/slots"));

        var running = await RunningSession.StartAsync(factory);
        await Expect.ValidationError("occurredAt", await running.Student.PostRawAsync($"/api/sessions/{running.Session.Id}/events", $$"""{"type":"tab_hidden","seq":1,"occurredAt":"{{startsAt}}"}"""));
    }

    [Theory]
    [InlineData("2030-01-01T10:00:00Z", "2030-01-01T10:00:00Z")]
    [InlineData("2030-01-01T12:30:00+02:30", "2030-01-01T10:00:00Z")]
    [InlineData("2030-01-01T05:00:00-05:00", "2030-01-01T10:00:00Z")]
    public async Task ATimestampWithAnOffsetIsReadAsThatInstant(string startsAt, string utc)
    {
        var teacher = await TeacherAsync();
        var exam = await teacher.CreatePublishedExamAsync();
        var slot = await teacher.ReadAsync<SlotView>(await teacher.PostAsync($"/api/exams/{exam.Id}/slots", new { startsAt, capacity = 5 }), HttpStatusCode.Created);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), slot.StartsAt);
    }

    /// <summary>
    /// Every route and method of the served OpenAPI document, with hostile values in its path (and then in its
    /// query), as an admin and as a student: no answer is a 5xx. All offenders are listed in one failure.
    /// </summary>
    [Fact]
    public async Task NoRouteAnswersA5xxToHostilePathOrQueryValues()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count > 30, $"Only {operations.Count} operations in /openapi/v1.json.");
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        var offenders = new List<string>();

        foreach (var op in operations)
        {
            var requests = new List<string>();
            foreach (var value in s_hostilePathValues)
            {
                requests.Add(Fill(op.Path, _ => value));
            }

            foreach (var query in op.Query)
            {
                requests.AddRange(s_hostileQueryValues.Select(v => $"{Fill(op.Path, _ => UnknownId)}?{query}={v}"));
            }

            foreach (var (caller, role) in new[] { (admin, "admin"), (student, "student") })
            {
                foreach (var path in requests)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), new Uri(path, UriKind.Relative));
                    if (op.HasBody)
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    using var response = await caller.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                        offenders.Add($"{op.Method.ToUpperInvariant()} {Shorten(path)} as {role}: {(int)response.StatusCode} {Shorten(body)}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, $"{offenders.Count} answer(s) were 5xx:\n{string.Join('\n', offenders)}");
    }

    /// <summary>
    /// The id rule is applied in one place for every route: whitespace in any path parameter of any operation
    /// is a 400 naming that parameter (or the caller's role was refused first), never a grain call.
    /// </summary>
    [Fact]
    public async Task EveryRouteParameterIsCheckedAsAnId()
    {
        var operations = (await OperationsAsync()).Where(o => o.Path.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(operations);
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        var offenders = new List<string>();

        foreach (var op in operations)
        {
            foreach (var parameter in Parameters(op.Path))
            {
                var path = Fill(op.Path, p => p == parameter ? "%20" : UnknownId);
                var named = false;
                var statuses = new List<string>();
                foreach (var caller in new[] { admin, student })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), new Uri(path, UriKind.Relative));
                    if (op.HasBody)
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    using var response = await caller.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    statuses.Add($"{(int)response.StatusCode} {Shorten(body)}");
                    if (response.StatusCode == HttpStatusCode.BadRequest && NamesField(body, parameter))
                    {
                        named = true;
                    }
                    else if (response.StatusCode != HttpStatusCode.Forbidden)
                    {
                        named = false;
                        break;
                    }
                }

                if (!named)
                {
                    offenders.Add($"{op.Method.ToUpperInvariant()} {op.Path} with {{{parameter}}} = ' ': {string.Join(" | ", statuses)}");
                }
            }
        }

        Assert.True(offenders.Count == 0, $"{offenders.Count} route parameter(s) were not refused as ids:\n{string.Join('\n', offenders)}");
    }

    private sealed record Operation(string Method, string Path, bool HasBody, IReadOnlyList<string> Query);

    private async Task<List<Operation>> OperationsAsync()
    {
        using var document = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"));
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in s_methods)
            {
                if (path.Value.TryGetProperty(method, out var op))
                {
                    var query = op.TryGetProperty("parameters", out var parameters)
                        ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                        : [];
                    operations.Add(new Operation(method, path.Name, op.TryGetProperty("requestBody", out _), query));
                }
            }
        }

        return operations;
    }

    private static IEnumerable<string> Parameters(string template) =>
        template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    private static string Fill(string template, Func<string, string> value) =>
        string.Join('/', template.Split('/').Select(s => s.StartsWith('{') && s.EndsWith('}') ? value(s[1..^1]) : s));

    private static bool NamesField(string body, string field)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static Task<HttpResponseMessage> SendJsonAsync(ApiClient client, HttpMethod method, string path, string json)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return client.SendAsync(request);
    }
}
