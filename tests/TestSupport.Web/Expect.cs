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
}
