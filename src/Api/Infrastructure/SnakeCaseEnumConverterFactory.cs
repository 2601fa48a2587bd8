using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Enums as snake_case strings (<c>single_choice</c>, <c>in_progress</c>). Unlike the stock converter it
/// refuses numbers and says which values are allowed, so the 400 names the field and the fix.
/// </summary>
internal sealed class SnakeCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, string> s_names =
            Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        private static readonly Dictionary<string, T> s_values = s_names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        private static readonly string s_allowed = string.Join(", ", s_names.Values);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && s_values.TryGetValue(reader.GetString()!, out var value))
            {
                return value;
            }

            throw new JsonException($"Expected one of: {s_allowed}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(s_names[value]);

        // Enums as dictionary keys (anomaly counters) use the same names.
        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            s_values.TryGetValue(reader.GetString()!, out var value) ? value : throw new JsonException($"Expected one of: {s_allowed}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(s_names[value]);
    }
}
