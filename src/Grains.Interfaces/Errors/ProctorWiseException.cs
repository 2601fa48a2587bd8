namespace ProctorWise.Grains.Interfaces.Errors;

/// <summary>
/// A domain refusal raised by a grain: it crosses grain calls intact (it is serializable) and the
/// web layer turns it into an RFC 7807 problem with <see cref="Kind"/>'s status.
/// </summary>
[GenerateSerializer, Alias("pw.error")]
public sealed class ProctorWiseException : Exception
{
    /// <summary>Creates an error of a kind with a message for the user.</summary>
    public ProctorWiseException(ErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates a validation error naming the fields at fault.</summary>
    public ProctorWiseException(string message, IReadOnlyDictionary<string, string[]> errors)
        : base(message)
    {
        Kind = ErrorKind.Validation;
        Errors = new Dictionary<string, string[]>(errors);
    }

    /// <summary>Creates an empty error (serializer use).</summary>
    public ProctorWiseException()
    {
    }

    /// <summary>Creates an error with a message (serializer use).</summary>
    public ProctorWiseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error wrapping another (serializer use).</summary>
    public ProctorWiseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The class of the error.</summary>
    [Id(0)]
    public ErrorKind Kind { get; init; }

    /// <summary>For validation errors: messages per field (JSON path of the request body).</summary>
    [Id(1)]
    public Dictionary<string, string[]>? Errors { get; init; }

    /// <summary>A 404 for an object the caller does not see.</summary>
    public static ProctorWiseException NotFound(string what) => new(ErrorKind.NotFound, $"{what} was not found.");

    /// <summary>A 409 with the reason.</summary>
    public static ProctorWiseException Conflict(string reason) => new(ErrorKind.Conflict, reason);

    /// <summary>A 403 with the reason.</summary>
    public static ProctorWiseException Forbidden(string reason) => new(ErrorKind.Forbidden, reason);

    /// <summary>A 400 on one field.</summary>
    public static ProctorWiseException Invalid(string field, string message) =>
        new("The request is invalid.", new Dictionary<string, string[]> { [field] = [message] });
}
