using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// What a production host shows to whoever reaches it: no API reference unless enabled, readiness details
/// for admins only, problem bodies that name no .NET type, and the security headers on every response.
/// </summary>
public sealed class ProductionExposureTests(ProductionExposureTests.ProductionFactory factory) : IClassFixture<ProductionExposureTests.ProductionFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    [InlineData("/scalar")]
    public async Task TheApiReferenceIsOffUnlessEnabled(string path)
    {
        var problem = await Expect.Problem(HttpStatusCode.NotFound, await factory.Anonymous().GetRawAsync(path));
        Assert.Equal("Not found.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ReadinessDetailsAreForAdminsOnly()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        foreach (var prober in new[] { factory.Anonymous(), student })
        {
            var ready = await prober.GetRawAsync("/health/ready");
            await Expect.Status(HttpStatusCode.OK, ready);
            var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel)).RootElement;
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
            Assert.False(body.TryGetProperty("checks", out _), body.ToString());
        }

        var details = JsonDocument.Parse(await admin.GetStringAsync("/health/ready")).RootElement;
        var names = details.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order().ToArray();
        Assert.Equal(["cluster", "draining", "membership", "storage", "streams", "vision"], names);
    }

    [Fact]
    public async Task MalformedBodiesGetProblemsThatNameNoDotNetType()
    {
        var admin = await factory.AdminAsync();
        var exam = ApiClient.ExamBody();
        (string Path, string Json, string? Field)[] cases =
        [
            ("/api/auth/login", "[]", "body"),
            ("/api/auth/login", "\"text\"", "body"),
            ("/api/auth/login", "42", "body"),
            ("/api/auth/login", "{\"email\": 5, \"password\": \"x\"}", "email"),
            ("/api/auth/login", "{\"email\": {\"a\": 1}, \"password\": \"x\"}", "email"),
            ("/api/auth/login", "{\"email\": \"a@b.test\",", null),
            ("/api/exams", Replace(exam, "durationMinutes", "\"thirty\""), "durationMinutes"),
            ("/api/exams", Replace(exam, "durationMinutes", "1e40"), "durationMinutes"),
            ("/api/exams", Replace(exam, "durationMinutes", "30.5"), "durationMinutes"),
            ("/api/exams", Replace(exam, "passMarkPercent", "true"), "passMarkPercent"),
            ("/api/exams", Replace(exam, "questions", "{}"), "questions"),
            ("/api/exams", Replace(exam, "questions", "[42]"), "questions[0]"),
            ("/api/exams", Replace(exam, "title", "[\"a\"]"), "title"),
        ];

        foreach (var (path, json, field) in cases)
        {
            var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
            var body = await AssertNamesNoTypeAsync(response, $"POST {path} {json}");
            if (field is not null)
            {
                Assert.True(body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"POST {path} {json}: no error on '{field}': {body}");
            }
        }

        // The message says what JSON was expected there.
        var duration = await AssertNamesNoTypeAsync(
            await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/exams") { Content = new StringContent(Replace(exam, "durationMinutes", "\"thirty\""), Encoding.UTF8, "application/json") }),
            "POST /api/exams durationMinutes: thirty");
        Assert.Equal("Expected an integer.", duration.GetProperty("errors").GetProperty("durationMinutes")[0].GetString());

        // Parameters bound from the query or the route are named without their .NET type.
        var page = await AssertNamesNoTypeAsync(await admin.GetRawAsync("/api/users?page=abc"), "GET /api/users?page=abc");
        Assert.Contains("\"page\"", page.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders()
    {
        var admin = await factory.AdminAsync();
        var anonymous = factory.Anonymous();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/proctor/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        var responses = new[]
        {
            await anonymous.GetRawAsync("/api/time"),
            await anonymous.GetRawAsync("/api/no-such-thing"),
            await anonymous.GetRawAsync("/api/users"),
            await admin.GetRawAsync("/api/users"),
            await anonymous.GetRawAsync("/health/live"),
            await anonymous.GetRawAsync("/health/ready"),
            await anonymous.SendAsync(negotiate),
            await anonymous.PostAsync("/hubs/proctor/negotiate?negotiateVersion=1"),

            // Written by the exception handler, which clears the response's headers first.
            await anonymous.PostRawAsync("/api/auth/login", "{"),
        };

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest],
            responses.Select(r => r.StatusCode));
        foreach (var response in responses)
        {
            Expect.SecurityHeaders(response);

            // Plain HTTP: no HSTS (ForwardedHeadersTests shows it over HTTPS).
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
    }

    private static async Task<JsonElement> AssertNamesNoTypeAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var prefix in new[] { "System.", "ProctorWise.", "Microsoft.", "Int32", "Int64", "Boolean", "Nullable", "String" })
        {
            Assert.False(text.Contains(prefix, StringComparison.Ordinal), $"{what}: the problem names '{prefix}': {text}");
        }

        return JsonDocument.Parse(text).RootElement;
    }

    private static string Replace(object body, string property, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(body, ApiClient.Json))!.AsObject();
        node[property] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return node.ToJsonString();
    }

    /// <summary>The API in Production, with the settings an operator leaves at their defaults.</summary>
    public sealed class ProductionFactory : ApiFactory
    {
        protected override string EnvironmentName => "Production";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ApiReference:Enabled"] = null;
            return settings;
        }
    }
}
