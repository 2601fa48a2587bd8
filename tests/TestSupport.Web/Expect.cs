using System.Net;
using System.Text.Json;

namespace ProctorWise.TestSupport.Web;

/// <summary>Assertions on HTTP answers that show the body when they fail.</summary>
public static class Expect
{
    public static async Task Status(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 7807 answer with the status and returns its JSON.</summary>
    public static async Task<JsonElement> Problem(HttpStatusCode expected, HttpResponseMessage response)
    {
        await Status(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
        return json;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name the field.</summary>
    public static async Task<JsonElement> ValidationError(string field, HttpResponseMessage response)
    {
        var problem = await Problem(HttpStatusCode.BadRequest, response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"Expected an error on '{field}', got {errors}");
        return problem;
    }

    /// <summary>Asserts the security headers every response carries (whatever its status or content).</summary>
    public static void SecurityHeaders(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what}: no X-Content-Type-Options: nosniff");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", $"{what}: no Referrer-Policy: no-referrer");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
        var directives = csp.Single().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
    }
}
