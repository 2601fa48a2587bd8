using System.Text.RegularExpressions;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// The one rule every id from a request obeys before it becomes a grain key (route values through
/// <see cref="RouteIdFilter"/>, hub arguments through <c>HubIdFilter</c>, ids in bodies where they are read).
/// Ids the server hands out are 32 hex digits; question ids are letters, digits, '-' and '_'; alert ids add
/// a '.'. Anything else (whitespace, control or non-ASCII characters, '/', dot segments, kilobytes of text)
/// names nothing, so it is refused as input rather than looked up.
/// </summary>
internal static partial class ResourceIds
{
    /// <summary>Longer than any id the server issues (question ids go to 64), short enough to never burden a key.</summary>
    public const int MaxLength = 128;

    /// <summary>What the rule says, for the problem's message.</summary>
    public const string Message = "Not a valid id: 1 to 128 letters, digits, '-', '_' or '.', not starting with '.'.";

    public static bool IsValid(string? value) => value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    /// <summary>Throws a 400 naming <paramref name="field"/> unless <paramref name="value"/> is a valid id.</summary>
    public static string Require(string field, string? value) =>
        IsValid(value) ? value! : throw ProctorWiseException.Invalid(field, Message);

    // \z, not $: "$" would let a trailing newline through.
    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
