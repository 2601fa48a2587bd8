using System.Text.Json;
using System.Text.Json.Serialization;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Api.Infrastructure;

/// <summary>Answers (docs/API.md §3): an array of option indexes, or a string.</summary>
internal sealed class AnswerValueJsonConverter : JsonConverter<AnswerValue>
{
    public override AnswerValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return AnswerValue.FromText(reader.GetString()!);
            case JsonTokenType.StartArray:
                var choices = new List<int>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var index))
                    {
                        throw new JsonException("Option indexes must be integers.");
                    }

                    choices.Add(index);
                    if (choices.Count > 100)
                    {
                        throw new JsonException("Too many option indexes.");
                    }
                }

                return new AnswerValue(choices, null);
            default:
                throw new JsonException("An answer is an array of option indexes or a string.");
        }
    }

    public override void Write(Utf8JsonWriter writer, AnswerValue value, JsonSerializerOptions options)
    {
        if (value.Choices is { } choices)
        {
            writer.WriteStartArray();
            foreach (var choice in choices)
            {
                writer.WriteNumberValue(choice);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
