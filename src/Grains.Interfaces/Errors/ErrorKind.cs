namespace ProctorWise.Grains.Interfaces.Errors;

/// <summary>The class of a domain error; the web layer maps each to an HTTP status.</summary>
[GenerateSerializer, Alias("pw.error-kind")]
public enum ErrorKind
{
    /// <summary>The input is invalid (400).</summary>
    Validation = 0,

    /// <summary>The object does not exist or the caller may not know it exists (404).</summary>
    NotFound = 1,

    /// <summary>The caller may not do this to this object (403).</summary>
    Forbidden = 2,

    /// <summary>The object's state refuses the operation (409).</summary>
    Conflict = 3,

    /// <summary>Too many attempts (429).</summary>
    TooManyRequests = 4,

    /// <summary>The credentials are wrong or no longer valid (401).</summary>
    Unauthorized = 5,

    /// <summary>A capability this server lacks (a model file, a dependency) is needed (503).</summary>
    Unavailable = 6,

    /// <summary>
    /// A dependency (the database) failed for a moment; the same call can succeed when retried (503 with Retry-After).
    /// Nothing was acknowledged: a write that failed this way did not happen as far as the caller knows.
    /// </summary>
    Transient = 7,
}
