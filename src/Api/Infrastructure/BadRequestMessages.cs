using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Says what is wrong with a request in the client's terms. The framework's messages name the .NET types
/// they could not fill ("could not be converted to System.Int32", "parameter \"Guid id\"", "for type
/// 'ProctorWise.…'"): no business of a client's, and a map of the server's internals for anyone probing it.
/// </summary>
internal static partial class BadRequestMessages
{
    private const string Fallback = "The value is not valid here.";

    /// <summary>The message of a body that could not be read as the endpoint's JSON, naming no type.</summary>
    public static string ForJson(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        // The reader's own failure names the value's real target; the outer message names the type being
        // built, which for a record read through its constructor is the record, not the member.
        if (e.InnerException?.Message is { } inner && InnerTarget().Match(inner) is { Success: true } target)
        {
            return $"Expected {(target.Groups["type"].Success ? JsonKind("System." + target.Groups["type"].Value) : ReaderKind(target.Groups["kind"].Value))}.";
        }

        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            return $"Expected {JsonKind(converted.Groups["type"].Value)}.";
        }

        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            return $"Missing required properties: {missing.Groups["names"].Value}.";
        }

        return NamesType().IsMatch(message) ? Fallback : message;
    }

    /// <summary>A binding message with the parameter named by its name only (<c>"page"</c>, not <c>"int? page"</c>).</summary>
    public static string ForParameter(string message)
    {
        var named = TypedParameter().Replace(message, "parameter \"${name}\"");
        return NamesType().IsMatch(named) ? Fallback : named;
    }

    /// <summary>What a JSON sender should have put where the .NET type <paramref name="type"/> was expected.</summary>
    private static string JsonKind(string type)
    {
        const string Nullable = "System.Nullable`1[";
        if (type.StartsWith(Nullable, StringComparison.Ordinal) && type.EndsWith(']'))
        {
            type = type[Nullable.Length..^1];
        }

        return type switch
        {
            "System.Byte" or "System.SByte" or "System.Int16" or "System.UInt16" or "System.Int32" or "System.UInt32" or "System.Int64" or "System.UInt64" => "an integer",
            "System.Single" or "System.Double" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.String" or "System.Char" => "a string",
            "System.Guid" => "a GUID string",
            "System.DateTimeOffset" or "System.DateTime" or "System.DateOnly" => "an ISO-8601 timestamp string",
            "System.TimeSpan" or "System.TimeOnly" => "a time string such as 00:30:00",
            _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object",
            _ when type.EndsWith("[]", StringComparison.Ordinal) || type.StartsWith("System.Collections.", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }

    private static string ReaderKind(string kind) => kind switch
    {
        "boolean" => "true or false",
        "number" => "a number",
        "string" => "a string",
        _ => "a value of another kind",
    };

    // "… out of bounds for an Int32.", "… not in a supported Guid format.", "Cannot get the value of a token type 'Number' as a boolean."
    [GeneratedRegex(@"out of bounds for an? (?<type>\w+)\.|not in a supported (?<type>\w+) format|token type '\w+' as an? (?<kind>\w+)\.")]
    private static partial Regex InnerTarget();

    [GeneratedRegex(@"could not be converted to (?<type>.+?)\.?$")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("parameter \"[^\"]*\\s(?<name>[^\"\\s]+)\"")]
    private static partial Regex TypedParameter();

    [GeneratedRegex(@"\b(System|Microsoft|ProctorWise)\.[A-Z]")]
    private static partial Regex NamesType();
}
