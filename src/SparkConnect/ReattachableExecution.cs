using Apache.Arrow;
using Apache.Arrow.Ipc;
using Grpc.Core;
using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect;

/// <summary>
/// One reattachable execution: ExecutePlan once, then ReattachExecute from the last response id until
/// <c>result_complete</c>. The rules, from what clients of real clusters ran into:
/// <list type="bullet">
/// <item>the operation id is the client's, so a reattach, a release or an interrupt can name it before any answer;</item>
/// <item><c>last_response_id</c> stays unset until a response arrived (the server then replays from the start);</item>
/// <item>a stream that ends without <c>result_complete</c> is not an error (servers end them after ~2 minutes): reattach;</item>
/// <item>UNAVAILABLE and <c>INVALID_CURSOR.DISCONNECTED</c> are retried with back-off, the budget renewed by every response;</item>
/// <item><c>OPERATION_NOT_FOUND</c> on a reattach before any response means the first request never arrived: send it
/// again; after responses it means the server lost the results, and resending would run the query twice: fail;</item>
/// <item>consumed responses are released as they arrive, and everything at the end, on failure and on cancellation
/// (after an <c>Interrupt</c> of the operation).</item>
/// </list>
/// </summary>
internal sealed class ReattachableExecution(SparkConnectSession session, ExecutePlanRequest request, CancellationToken cancellationToken)
{
    private readonly List<RecordBatch> _batches = [];
    private readonly List<Task> _releases = [];
    private Schema? _schema;
    private Relation? _sqlCommandRelation;
    private string? _lastResponseId;
    private long _rows;
    private int _responses;
    private int _sinceRelease;
    private bool _complete;

    private string OperationId => request.OperationId;

    public async Task<SparkResult> RunAsync()
    {
        var options = session.Client.Options;
        var budget = new RetryBudget(options, session.Client.Random);
        var sendPlan = true;
        var reattachesWithoutProgress = 0;
        var succeeded = false;
        try
        {
            while (!_complete)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = _responses;
                try
                {
                    using var call = sendPlan ? Execute() : Reattach();
                    sendPlan = false;
                    await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        Accept(response);
                        budget.Reset();
                    }
                }
                catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
                {
                    var details = SparkConnectException.Parse(e);
                    if (details.Is(SparkErrorClasses.OperationNotFound) && _lastResponseId is null && budget.Next(details) is { } again)
                    {
                        // The server never got the ExecutePlan (it broke on the way): send it again, same operation id.
                        SparkConnectLog.Resending(session.Client.Logger, OperationId);
                        await session.DelayAsync(again, cancellationToken).ConfigureAwait(false);
                        sendPlan = true;
                        continue;
                    }

                    if (RetryBudget.IsRetryable(details, e) && budget.Next(details) is { } delay)
                    {
                        SparkConnectLog.Retrying(session.Client.Logger, e.StatusCode, details.ErrorClass, budget.Attempts, delay);
                        await session.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    throw await session.ToExceptionAsync(e, details).ConfigureAwait(false);
                }

                if (!_complete)
                {
                    reattachesWithoutProgress = _responses > before ? 0 : reattachesWithoutProgress + 1;
                    if (reattachesWithoutProgress > options.MaxReattachesWithoutProgress)
                    {
                        throw new SparkConnectException(
                            $"Spark operation {OperationId}: the server ended {reattachesWithoutProgress} streams in a row without a response or result_complete; giving up.");
                    }

                    SparkConnectLog.Reattaching(session.Client.Logger, OperationId, _lastResponseId);
                }
            }

            succeeded = true;
            return new SparkResult(OperationId, _schema, [.. _batches], _sqlCommandRelation, _responses);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException)
        {
            await InterruptAsync().ConfigureAwait(false);
            throw new OperationCanceledException($"Spark operation {OperationId} was cancelled and interrupted.", e, cancellationToken);
        }
        finally
        {
            if (!succeeded)
            {
                foreach (var batch in _batches)
                {
                    batch.Dispose();
                }
            }

            await ReleaseAllAsync().ConfigureAwait(false);
        }
    }

    private AsyncServerStreamingCall<ExecutePlanResponse> Execute()
    {
        if (session.ObservedServerSide() is { } observed)
        {
            request.ClientObservedServerSideSessionId = observed;
        }

        return session.Client.Stub.ExecutePlan(request, SparkConnectSession.CallOptions(cancellationToken));
    }

    private AsyncServerStreamingCall<ExecutePlanResponse> Reattach()
    {
        var reattach = new ReattachExecuteRequest
        {
            SessionId = request.SessionId,
            UserContext = request.UserContext,
            OperationId = OperationId,
            ClientType = request.ClientType,
        };
        if (_lastResponseId is not null)
        {
            reattach.LastResponseId = _lastResponseId;
        }

        if (session.ObservedServerSide() is { } observed)
        {
            reattach.ClientObservedServerSideSessionId = observed;
        }

        return session.Client.Stub.ReattachExecute(reattach, SparkConnectSession.CallOptions(cancellationToken));
    }

    private void Accept(ExecutePlanResponse response)
    {
        session.Observe(response.ServerSideSessionId);
        if (!string.IsNullOrEmpty(response.OperationId) && !string.Equals(response.OperationId, OperationId, StringComparison.Ordinal))
        {
            throw new SparkConnectException($"The server answered operation {OperationId} with a response of operation {response.OperationId}.");
        }

        _responses++;
        _lastResponseId = response.ResponseId;
        switch (response.ResponseTypeCase)
        {
            case ExecutePlanResponse.ResponseTypeOneofCase.ArrowBatch:
                Decode(response.ArrowBatch);
                break;
            case ExecutePlanResponse.ResponseTypeOneofCase.SqlCommandResult:
                _sqlCommandRelation = response.SqlCommandResult.Relation;
                break;
            case ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete:
                _complete = true;
                return;
        }

        if (++_sinceRelease >= session.Client.Options.ReleaseEvery)
        {
            _sinceRelease = 0;
            _releases.Add(ReleaseAsync(new ReleaseExecuteRequest.Types.ReleaseUntil { ResponseId = _lastResponseId }));
        }
    }

    private void Decode(ExecutePlanResponse.Types.ArrowBatch batch)
    {
        if (batch.HasStartOffset && batch.StartOffset != _rows)
        {
            throw new SparkConnectException($"Spark operation {OperationId}: an Arrow batch starts at row {batch.StartOffset}, but {_rows} rows were received before it.");
        }

        using var reader = new ArrowStreamReader(batch.Data.Memory);
        long rows = 0;
        while (reader.ReadNextRecordBatch() is { } records)
        {
            rows += records.Length;
            _batches.Add(records);
        }

        _schema ??= reader.Schema;
        if (rows != batch.RowCount)
        {
            throw new SparkConnectException($"Spark operation {OperationId}: an Arrow batch says {batch.RowCount} rows and holds {rows}.");
        }

        _rows += rows;
    }

    private Task ReleaseAsync(ReleaseExecuteRequest.Types.ReleaseUntil until) => SendReleaseAsync(new ReleaseExecuteRequest { ReleaseUntil = until });

    private async Task ReleaseAllAsync()
    {
        // Partial releases still in flight go first, so the release of everything is the last word.
        await Task.WhenAll(_releases).ConfigureAwait(false);
        await SendReleaseAsync(new ReleaseExecuteRequest { ReleaseAll = new ReleaseExecuteRequest.Types.ReleaseAll() }).ConfigureAwait(false);
    }

    // A release that fails is not the caller's failure: the server forgets released and abandoned operations on its
    // own (after a timeout); it is logged with its reason.
    private async Task SendReleaseAsync(ReleaseExecuteRequest release)
    {
        release.SessionId = request.SessionId;
        release.UserContext = request.UserContext;
        release.OperationId = OperationId;
        release.ClientType = request.ClientType;
        if (session.ObservedServerSide() is { } observed)
        {
            release.ClientObservedServerSideSessionId = observed;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await session.Client.Stub.ReleaseExecuteAsync(release, SparkConnectSession.CallOptions(deadline.Token)).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            SparkConnectLog.ReleaseFailed(session.Client.Logger, e, "operation", OperationId);
        }
    }

    private async Task InterruptAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await session.InterruptOperationAsync(OperationId, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SparkConnectException or RpcException or OperationCanceledException)
        {
            SparkConnectLog.InterruptFailed(session.Client.Logger, e, OperationId);
        }
    }
}
