using System.Globalization;

namespace ProctorWise.SparkConnect;

/// <summary>
/// The standard Spark Connect connection string, <c>sc://host[:port]/[;param=value]*</c>, as the official clients read
/// it: <c>token</c> (bearer token, implies TLS unless <c>use_ssl=false</c> is given), <c>use_ssl</c>, <c>user_id</c>,
/// <c>user_agent</c> and <c>session_id</c>. The port defaults to 15002. Unknown parameters are refused, so a typo
/// never silently drops a setting such as the token.
/// </summary>
public sealed record SparkConnectConnectionString
{
    /// <summary>Spark Connect's default port.</summary>
    public const int DefaultPort = 15002;

    private static readonly string[] s_known = ["token", "use_ssl", "user_id", "user_agent", "session_id"];

    /// <summary>The server's host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>The server's port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>A bearer token sent as <c>authorization: Bearer …</c> with every call, or null.</summary>
    public string? Token { get; init; }

    /// <summary>Whether the channel uses TLS.</summary>
    public bool UseSsl { get; init; }

    /// <summary>The user id sent in every request's <c>user_context</c>, or null.</summary>
    public string? UserId { get; init; }

    /// <summary>The client type / user agent reported to the server, or null for the library's own.</summary>
    public string? UserAgent { get; init; }

    /// <summary>A session id (a UUID) to use instead of a new one, or null.</summary>
    public Guid? SessionId { get; init; }

    /// <summary>The channel's address: <c>http(s)://host:port</c>.</summary>
    public Uri Endpoint => new($"{(UseSsl ? "https" : "http")}://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Parses <paramref name="text"/>; a malformed string is a <see cref="FormatException"/> that says what is wrong.</summary>
    public static SparkConnectConnectionString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Scheme = "sc://";
        if (!text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            throw new FormatException($"A Spark Connect connection string starts with {Scheme} (e.g. sc://spark:15002/;use_ssl=true); '{Redact(text)}' does not.");
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var parameters = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (slash < 0 && authority.Contains(';', StringComparison.Ordinal))
        {
            throw new FormatException("Parameters of a Spark Connect connection string follow a '/' after host and port (sc://host:15002/;token=…).");
        }

        var (host, port) = HostAndPort(authority);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"The connection string parameter '{part.Split('=')[0]}' has no value (expected name=value).");
            }

            var name = part[..equals];
            if (!s_known.Contains(name, StringComparer.Ordinal))
            {
                throw new FormatException($"The connection string parameter '{name}' is unknown; the parameters are {string.Join(", ", s_known)}.");
            }

            values[name] = Uri.UnescapeDataString(part[(equals + 1)..]);
        }

        var token = values.GetValueOrDefault("token");
        bool useSsl;
        if (values.TryGetValue("use_ssl", out var ssl))
        {
            useSsl = bool.TryParse(ssl, out var parsed) ? parsed
                : throw new FormatException($"use_ssl is '{ssl}'; it must be true or false.");
        }
        else
        {
            // As in Spark's own clients: a token is a secret and travels over TLS unless the caller says otherwise.
            useSsl = token is not null;
        }

        Guid? session = null;
        if (values.TryGetValue("session_id", out var id))
        {
            session = Guid.TryParse(id, out var parsed) ? parsed : throw new FormatException($"session_id is '{id}'; it must be a UUID.");
        }

        return new SparkConnectConnectionString
        {
            Host = host,
            Port = port,
            Token = token,
            UseSsl = useSsl,
            UserId = values.GetValueOrDefault("user_id"),
            UserAgent = values.GetValueOrDefault("user_agent"),
            SessionId = session,
        };
    }

    /// <summary>The string without its token (for logs and messages).</summary>
    public override string ToString() =>
        $"sc://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/;use_ssl={(UseSsl ? "true" : "false")}{(Token is null ? "" : ";token=***")}{(UserId is null ? "" : $";user_id={UserId}")}";

    private static (string Host, int Port) HostAndPort(string authority)
    {
        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"The host '{authority}' opens an IPv6 bracket it does not close.");
            }

            host = authority[1..close];
            if (close + 1 < authority.Length)
            {
                port = authority[(close + 1)..].StartsWith(':') ? authority[(close + 2)..] : throw new FormatException($"Unexpected text after the host in '{authority}'.");
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            (host, port) = colon < 0 ? (authority, null) : (authority[..colon], authority[(colon + 1)..]);
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            throw new FormatException("The Spark Connect connection string has no host (sc://host:15002/).");
        }

        if (port is null)
        {
            return (host, DefaultPort);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? (host, number)
            : throw new FormatException($"The port '{port}' is not a port number (1–65535).");
    }

    private static string Redact(string text)
    {
        var token = text.IndexOf("token=", StringComparison.Ordinal);
        return token < 0 ? text : text[..(token + 6)] + "***";
    }
}
