using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Api.Hosting;

/// <summary>
/// Makes the OpenAPI schemas say what <see cref="ApiHostingExtensions.ConfigureJson"/> writes. The generator
/// cannot see through custom converters (enums, timestamps and answers came out as "anything"), and it lists
/// a string alternative for every number because the web defaults tolerate quoted numbers on input; the
/// contract is numbers. The web client's types are generated from this document, so it must be exact.
/// </summary>
internal sealed class JsonContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var orNull = nullable ? JsonSchemaType.Null : 0;

        if (type.IsEnum)
        {
            // Not "| null" for a nullable use: the enum's schema is one shared component, and the property
            // that refers to it says whether it may be null.
            schema.Type = JsonSchemaType.String;
            schema.Enum = EnumNames(type);
        }
        else if (schema.AdditionalProperties is null && DictionaryValueType(type) is { IsEnum: true } valueType)
        {
            // An enum's "anything" schema under a dictionary is dropped rather than passed through here.
            schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, Enum = EnumNames(valueType) };
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | orNull;
            schema.Format = "date-time";
        }
        else if (type == typeof(AnswerValue))
        {
            schema.OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" } },
                new OpenApiSchema { Type = JsonSchemaType.String },
            ];
        }
        else if (schema.Type is { } t && (t & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (t & JsonSchemaType.String) != 0)
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }

    private static List<JsonNode> EnumNames(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(n => (JsonNode)JsonNamingPolicy.SnakeCaseLower.ConvertName(n))];

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];
}
