using System.Text.Json;
using ProctorWise.Api.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>The framework's reading and binding messages, told in JSON terms without .NET type names.</summary>
public sealed class BadRequestMessagesTests
{
    [Theory]
    [InlineData("""{"count": "x"}""", "Expected an integer.")]
    [InlineData("""{"maybe": 1.5}""", "Expected an integer.")]
    [InlineData("""{"ratio": "x"}""", "Expected a number.")]
    [InlineData("""{"count": 1e40}""", "Expected an integer.")]
    [InlineData("""{"flag": 1}""", "Expected true or false.")]
    [InlineData("""{"name": []}""", "Expected a string.")]
    [InlineData("""{"id": "not-a-guid"}""", "Expected a GUID string.")]
    [InlineData("""{"tags": {}}""", "Expected an array.")]
    [InlineData("""{"items": 3}""", "Expected an array.")]
    [InlineData("""{"child": 3}""", "Expected an object.")]
    [InlineData("""[]""", "Expected an object.")]
    public void ConversionFailuresSayWhichJsonKindWasExpected(string json, string expected)
    {
        var message = BadRequestMessages.ForJson(Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Probe>(json, JsonSerializerOptions.Web)));
        Assert.Equal(expected, message);
    }

    [Fact]
    public void MissingRequiredPropertiesAreNamedWithoutTheirType()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Required>("{}", JsonSerializerOptions.Web));
        Assert.Contains(typeof(Required).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Equal("Missing required properties: 'name'.", BadRequestMessages.ForJson(error));
    }

    [Fact]
    public void SyntaxErrorsKeepTheirMessageWithoutThePosition()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Probe>("{\"count\": 1,", JsonSerializerOptions.Web));
        var message = BadRequestMessages.ForJson(error);
        Assert.DoesNotContain("Path:", message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.NotEmpty(message);
    }

    [Theory]
    [InlineData("Failed to bind parameter \"int? page\" from \"abc\".", "Failed to bind parameter \"page\" from \"abc\".")]
    [InlineData("Failed to bind parameter \"Dictionary<string, int> map\" from \"x\".", "Failed to bind parameter \"map\" from \"x\".")]
    [InlineData("Required parameter \"string id\" was not provided from route.", "Required parameter \"id\" was not provided from route.")]
    [InlineData("Expected a supported JSON media type but got \"text/plain\".", "Expected a supported JSON media type but got \"text/plain\".")]
    [InlineData("Unexpected System.InvalidOperationException in ProctorWise.Api.", "The value is not valid here.")]
    public void ParametersAreNamedWithoutTheirType(string message, string expected) =>
        Assert.Equal(expected, BadRequestMessages.ForParameter(message));

    /// <summary>A body with one member of each kind.</summary>
    public sealed record Probe(int Count, int? Maybe, double Ratio, bool Flag, string? Name, Guid Id, IReadOnlyList<string>? Tags, int[]? Items, Probe? Child);

    /// <summary>A body with a required member.</summary>
    public sealed class Required
    {
        /// <summary>Must be sent.</summary>
        public required string Name { get; init; }
    }
}
