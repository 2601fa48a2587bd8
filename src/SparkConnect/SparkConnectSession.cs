using Grpc.Core;
using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect;

/// <summary>
/// One Spark session on a <see cref="SparkConnectClient"/>'s channel. Every request carries the session id, the user
/// context, the client type and the server-side session id seen so far; a response from another server-side session
/// (the server restarted and lost the session's views and settings) is a <see cref="SparkSessionChangedException"/>.
/// Unary calls are retried on UNAVAILABLE with back-off; executions reattach (see <see cref="ExecuteAsync"/>).
/// Disposing releases the session on the server.
/// </summary>
public sealed class SparkConnectSession : IAsyncDisposable
{
    private static readonly TimeSpan s_cleanupDeadline = TimeSpan.FromSeconds(10);
    private readonly object _gate = new();
    private string? _serverSideSessionId;
    private bool _released;

    internal SparkConnectSession(SparkConnectClient client, Guid sessionId)
    {
        Client = client;
        SessionId = sessionId.ToString();
        UserContext = new UserContext { UserId = client.Connection.UserId ?? "proctorwise", UserName = client.Connection.UserId ?? "proctorwise" };
    }

    /// <summary>The session id (a UUID the client chose).</summary>
    public string SessionId { get; }

    /// <summary>The server-side session id the server answered with first, or null before any answer.</summary>
    public string? ServerSideSessionId
    {
        get
        {
            lock (_gate)
            {
                return _serverSideSessionId;
            }
        }
    }

    internal SparkConnectClient Client { get; }

    internal UserContext UserContext { get; }

    internal string ClientType => Client.Connection.UserAgent ?? SparkConnectClient.ClientType;

    /// <summary>The server's Spark version, e.g. <c>4.0.1</c> (<c>AnalyzePlan.spark_version</c>).</summary>
    public async Task<string> GetSparkVersionAsync(CancellationToken cancellationToken = default)
    {
        var request = NewAnalyze();
        request.SparkVersion = new AnalyzePlanRequest.Types.SparkVersion();
        var response = await UnaryAsync(o => Client.Stub.AnalyzePlanAsync(request, o), r => r.ServerSideSessionId, cancellationToken).ConfigureAwait(false);
        return response.SparkVersion?.Version ?? throw new SparkConnectException("The server answered AnalyzePlan(spark_version) without a version.");
    }

    /// <summary>The schema of <paramref name="plan"/>, without running it (<c>AnalyzePlan.schema</c>).</summary>
    public async Task<DataType> AnalyzeSchemaAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        var request = NewAnalyze();
        request.Schema = new AnalyzePlanRequest.Types.Schema { Plan = plan };
        var response = await UnaryAsync(o => Client.Stub.AnalyzePlanAsync(request, o), r => r.ServerSideSessionId, cancellationToken).ConfigureAwait(false);
        return response.Schema?.Schema_ ?? throw new SparkConnectException("The server answered AnalyzePlan(schema) without a schema.");
    }

    /// <summary>Sets session settings (<c>Config.set</c>), e.g. <c>spark.sql.session.timeZone</c>.</summary>
    public async Task SetConfigAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var set = new ConfigRequest.Types.Set();
        set.Pairs.AddRange(settings.Select(s => new KeyValue { Key = s.Key, Value = s.Value }));
        var request = NewConfig(new ConfigRequest.Types.Operation { Set = set });
        await UnaryAsync(o => Client.Stub.ConfigAsync(request, o), r => r.ServerSideSessionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads session settings (<c>Config.get</c>); a setting without a value reads as null.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> GetConfigAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var get = new ConfigRequest.Types.Get();
        get.Keys.AddRange(keys);
        var request = NewConfig(new ConfigRequest.Types.Operation { Get = get });
        var response = await UnaryAsync(o => Client.Stub.ConfigAsync(request, o), r => r.ServerSideSessionId, cancellationToken).ConfigureAwait(false);
        return response.Pairs.ToDictionary(p => p.Key, p => p.HasValue ? p.Value : null, StringComparer.Ordinal);
    }

    /// <summary>
    /// Executes <paramref name="plan"/> reattachably and returns its whole result. The operation id is the client's
    /// (stable across reattaches); when a stream ends without <c>result_complete</c> (servers end streams every ~2
    /// minutes) or breaks (UNAVAILABLE, <c>INVALID_CURSOR.DISCONNECTED</c>), the client reattaches from the last
    /// response it got, with back-off. Consumed responses are released as they arrive, and everything at the end or on
    /// failure. Cancellation or <see cref="SparkExecuteOptions.Timeout"/> sends <c>Interrupt</c> for the operation.
    /// </summary>
    public async Task<SparkResult> ExecuteAsync(Plan plan, SparkExecuteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new SparkExecuteOptions();
        var operationId = (options.OperationId ?? Guid.NewGuid()).ToString();
        var request = new ExecutePlanRequest
        {
            SessionId = SessionId,
            UserContext = UserContext,
            Plan = plan,
            ClientType = ClientType,
            OperationId = operationId,
        };
        request.RequestOptions.Add(new ExecutePlanRequest.Types.RequestOption { ReattachOptions = new ReattachOptions { Reattachable = true } });
        foreach (var tag in options.Tags)
        {
            request.Tags.Add(CheckTag(tag));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            return await new ReattachableExecution(this, request, timeout.Token).RunAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (options.Timeout is { } elapsed && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Spark operation {operationId} did not finish within {elapsed}; it was interrupted.", e);
        }
    }

    /// <summary>Runs a SQL statement eagerly (<c>sql_command</c>), e.g. DDL or <c>SET</c>.</summary>
    public async Task ExecuteCommandAsync(Command command, SparkExecuteOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var result = await ExecuteAsync(new Plan { Command = command }, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Interrupts every operation of this session carrying <paramref name="tag"/>; returns their ids.</summary>
    public Task<IReadOnlyList<string>> InterruptTagAsync(string tag, CancellationToken cancellationToken = default) =>
        InterruptAsync(r => (r.InterruptType, r.OperationTag) = (InterruptRequest.Types.InterruptType.Tag, CheckTag(tag)), cancellationToken);

    /// <summary>Interrupts one operation of this session; returns the ids interrupted (empty when it had finished).</summary>
    public Task<IReadOnlyList<string>> InterruptOperationAsync(string operationId, CancellationToken cancellationToken = default) =>
        InterruptAsync(r => (r.InterruptType, r.OperationId) = (InterruptRequest.Types.InterruptType.OperationId, operationId), cancellationToken);

    /// <summary>Releases the session on the server (<c>ReleaseSession</c>): its views, settings and operations go.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_released)
            {
                return;
            }

            _released = true;
        }

        var request = new ReleaseSessionRequest { SessionId = SessionId, UserContext = UserContext, ClientType = ClientType };
        await UnaryAsync(o => Client.Stub.ReleaseSessionAsync(request, o), r => r.ServerSideSessionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the session, logging (not throwing) a failure: the server expires idle sessions anyway.</summary>
    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(s_cleanupDeadline);
        try
        {
            await ReleaseAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SparkConnectException or RpcException or OperationCanceledException)
        {
            SparkConnectLog.ReleaseFailed(Client.Logger, e, "session", SessionId);
        }
    }

    /// <summary>Records the server-side session id of a response; a different one than before means the session is gone.</summary>
    internal void Observe(string serverSideSessionId)
    {
        if (string.IsNullOrEmpty(serverSideSessionId))
        {
            // Servers before 4.0 do not send one.
            return;
        }

        lock (_gate)
        {
            if (_serverSideSessionId is null)
            {
                _serverSideSessionId = serverSideSessionId;
                return;
            }

            if (!string.Equals(_serverSideSessionId, serverSideSessionId, StringComparison.Ordinal))
            {
                throw new SparkSessionChangedException(
                    $"The Spark Connect server-side session of {SessionId} changed from {_serverSideSessionId} to {serverSideSessionId}: the server restarted and the session's views and settings are gone.");
            }
        }
    }

    internal static CallOptions CallOptions(CancellationToken cancellationToken) => new(cancellationToken: cancellationToken);

    internal string? ObservedServerSide() => ServerSideSessionId;

    /// <summary>Turns a failed call into a typed exception, with the full message from <c>FetchErrorDetails</c> when there is one.</summary>
    internal async Task<SparkConnectException> ToExceptionAsync(RpcException exception, SparkErrorDetails details)
    {
        var message = details.Message;
        if (details.ErrorId is { } errorId)
        {
            try
            {
                var request = new FetchErrorDetailsRequest { SessionId = SessionId, UserContext = UserContext, ErrorId = errorId, ClientType = ClientType };
                using var deadline = new CancellationTokenSource(s_cleanupDeadline);
                var response = await Client.Stub.FetchErrorDetailsAsync(request, CallOptions(deadline.Token)).ConfigureAwait(false);
                if (response.Errors.Count > 0)
                {
                    message = response.Errors[response.HasRootErrorIdx ? response.RootErrorIdx : 0].Message;
                }
            }
            catch (RpcException fetch)
            {
                // The status message (possibly truncated) is still the error; the failed fetch is only logged.
                SparkConnectLog.FetchErrorDetailsFailed(Client.Logger, fetch, errorId);
            }
        }

        if (details.ErrorClass is { } errorClass && !message.Contains(errorClass, StringComparison.Ordinal))
        {
            message = $"[{errorClass}] {message}";
        }

        if (details.SqlState is { } state && !message.Contains(state, StringComparison.Ordinal))
        {
            message += $" (SQLSTATE: {state})";
        }

        var sessionGone = details.Is(SparkErrorClasses.SessionChanged) || details.Is(SparkErrorClasses.SessionNotFound) || details.Is(SparkErrorClasses.SessionClosed);
        return sessionGone
            ? new SparkSessionChangedException($"The Spark session {SessionId} is gone on the server: {message}", details, exception)
            : new SparkConnectException(message, details, exception);
    }

    private async Task<IReadOnlyList<string>> InterruptAsync(Action<InterruptRequest> target, CancellationToken cancellationToken)
    {
        var request = new InterruptRequest { SessionId = SessionId, UserContext = UserContext, ClientType = ClientType };
        target(request);
        if (ObservedServerSide() is { } observed)
        {
            request.ClientObservedServerSideSessionId = observed;
        }

        var response = await UnaryAsync(o => Client.Stub.InterruptAsync(request, o), r => r.ServerSideSessionId, cancellationToken).ConfigureAwait(false);
        return [.. response.InterruptedIds];
    }

    private AnalyzePlanRequest NewAnalyze()
    {
        var request = new AnalyzePlanRequest { SessionId = SessionId, UserContext = UserContext, ClientType = ClientType };
        if (ObservedServerSide() is { } observed)
        {
            request.ClientObservedServerSideSessionId = observed;
        }

        return request;
    }

    private ConfigRequest NewConfig(ConfigRequest.Types.Operation operation)
    {
        var request = new ConfigRequest { SessionId = SessionId, UserContext = UserContext, ClientType = ClientType, Operation = operation };
        if (ObservedServerSide() is { } observed)
        {
            request.ClientObservedServerSideSessionId = observed;
        }

        return request;
    }

    private async Task<T> UnaryAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, Func<T, string> serverSide, CancellationToken cancellationToken)
    {
        var budget = new RetryBudget(Client.Options, Client.Random);
        while (true)
        {
            try
            {
                var response = await call(CallOptions(cancellationToken)).ConfigureAwait(false);
                Observe(serverSide(response));
                return response;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                var details = SparkConnectException.Parse(e);
                if (RetryBudget.IsRetryable(details, e) && budget.Next(details) is { } delay)
                {
                    SparkConnectLog.Retrying(Client.Logger, e.StatusCode, details.ErrorClass, budget.Attempts, delay);
                    await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw await ToExceptionAsync(e, details).ConfigureAwait(false);
            }
        }
    }

    internal Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Client.Options.Delay?.Invoke(delay, cancellationToken) ?? Task.Delay(delay, cancellationToken);

    private static string CheckTag(string tag) =>
        string.IsNullOrEmpty(tag) || tag.Contains(',', StringComparison.Ordinal)
            ? throw new ArgumentException($"The operation tag '{tag}' is empty or has a comma; Spark refuses both.", nameof(tag))
            : tag;
}
