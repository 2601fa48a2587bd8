using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Timestamps as ISO-8601 UTC with a <c>Z</c> (docs/API.md §1), whatever offset they were read with. A timestamp
/// read without an offset (<c>2026-11-23T14:00:00</c>) is refused: it would otherwise be taken as the server's
/// local time, which the client cannot know.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const string Example = "2026-11-23T14:00:00Z or 2026-11-23T15:00:00+01:00";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return HasOffset(reader.GetString()!)
                ? value.ToUniversalTime()
                : throw new JsonException($"A timestamp needs an offset: 'Z' for UTC or ±hh:mm, e.g. {Example}.");
        }

        throw new JsonException($"Expected an ISO-8601 timestamp with an offset, e.g. {Example}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    /// <summary>True when the time part ends with <c>Z</c> or carries a sign (the date part's '-' come before the 'T').</summary>
    private static bool HasOffset(string text)
    {
        var time = text.IndexOfAny(['T', 't']);
        return time > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(time).IndexOfAny('+', '-') > 0);
    }
}
