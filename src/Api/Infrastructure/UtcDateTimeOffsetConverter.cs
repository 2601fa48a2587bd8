using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProctorWise.Api.Infrastructure;

/// <summary>Timestamps as ISO-8601 UTC with a <c>Z</c> (docs/API.md §1), whatever offset they were read with.</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return value.ToUniversalTime();
        }

        throw new JsonException("Expected an ISO-8601 timestamp such as 2026-11-23T14:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
