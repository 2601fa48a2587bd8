using System.Text.Json;
using Google.Rpc;
using Grpc.Core;

namespace ProctorWise.SparkConnect;

/// <summary>
/// A failure reported by a Spark Connect server, typed from the <c>google.rpc.ErrorInfo</c> Spark attaches to its gRPC
/// status: the error class (e.g. <c>TABLE_OR_VIEW_NOT_FOUND</c>), the SQL state, the JVM exception class and the
/// message parameters. <see cref="Exception.Message"/> is the full message (from <c>FetchErrorDetails</c> when the
/// server has it) and names the error class and SQL state, so whoever records only the message keeps them.
/// </summary>
public class SparkConnectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SparkConnectException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SparkConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SparkConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from what the server said.</summary>
    public SparkConnectException(string message, SparkErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>What the server said, or an empty record for a client-side failure.</summary>
    public SparkErrorDetails Details { get; } = SparkErrorDetails.None;

    /// <summary>The Spark error class, e.g. <c>TABLE_OR_VIEW_NOT_FOUND</c>, or null.</summary>
    public string? ErrorClass => Details.ErrorClass;

    /// <summary>The SQL state, e.g. <c>42P01</c>, or null.</summary>
    public string? SqlState => Details.SqlState;

    /// <summary>The gRPC status code of the call.</summary>
    public StatusCode StatusCode => Details.StatusCode;

    /// <summary>Reads the error details of <paramref name="exception"/> (no network call).</summary>
    public static SparkErrorDetails Parse(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var retry = status?.GetDetail<RetryInfo>();
        string? Meta(string key) => info is not null && info.Metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Meta("messageParameters") is { } json)
        {
            try
            {
                foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
                {
                    parameters[key] = value;
                }
            }
            catch (JsonException)
            {
                // A server that sends something else there still has its error class and message: keep those.
                parameters["messageParameters"] = json;
            }
        }

        return new SparkErrorDetails(
            exception.StatusCode,
            status?.Message is { Length: > 0 } message ? message : exception.Status.Detail,
            Meta("errorClass"),
            Meta("sqlState"),
            info?.Reason is { Length: > 0 } reason ? reason : null,
            Meta("errorId"),
            parameters,
            retry?.RetryDelay?.ToTimeSpan());
    }
}
