using Grpc.Core;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>
/// A fault the fake plays on a later call of <see cref="Method"/> (<c>ExecutePlan</c>, <c>ReattachExecute</c>,
/// <c>Config</c>, …): each fault is used once, in the order scripted.
/// </summary>
public abstract record FakeFault(string Method)
{
    /// <summary>The stream sends <paramref name="Responses"/> responses, then ends normally without <c>result_complete</c>
    /// (what a real server does after ~2 minutes or 1 GB).</summary>
    public sealed record EndStream(string Method, int Responses) : FakeFault(Method);

    /// <summary>After <paramref name="Responses"/> responses the call fails with <paramref name="Status"/>, optionally with an
    /// error class, a <c>RetryInfo</c> delay and a SQL state.</summary>
    public sealed record Fail(string Method, int Responses, StatusCode Status, string? ErrorClass = null, TimeSpan? RetryDelay = null, string? SqlState = null) : FakeFault(Method);

    /// <summary>After <paramref name="Responses"/> responses the HTTP/2 stream is reset (a dropped connection).</summary>
    public sealed record Reset(string Method, int Responses) : FakeFault(Method);

    /// <summary>The server forgets the operation before answering: <c>INVALID_HANDLE.OPERATION_NOT_FOUND</c>.</summary>
    public sealed record LoseOperation(string Method) : FakeFault(Method);

    /// <summary>The query waits <paramref name="Delay"/> before it starts producing rows (an interrupt ends the wait).</summary>
    public sealed record Slow(TimeSpan Delay) : FakeFault("ExecutePlan");
}
