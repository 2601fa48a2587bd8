using DuckDB.NET.Data;
using Grpc.Core;
using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>The fake's <c>SparkConnectService</c>: Spark's rules for sessions, operations, reattach, release and interrupt.</summary>
internal sealed class FakeSparkConnectService(FakeSparkConnectServer server) : SparkConnectService.SparkConnectServiceBase
{
    public override async Task ExecutePlan(ExecutePlanRequest request, IServerStreamWriter<ExecutePlanResponse> responseStream, ServerCallContext context)
    {
        server.Record(nameof(ExecutePlan), request, context);
        var session = Session(request.SessionId, request.HasClientObservedServerSideSessionId ? request.ClientObservedServerSideSessionId : null, create: true);
        var fault = server.TakeFault(nameof(ExecutePlan));
        if (fault is FakeFault.Fail { Responses: 0 } before)
        {
            // Before the operation exists: as if the request never reached the server.
            throw Fail(before);
        }

        var operationId = request.HasOperationId ? request.OperationId : Guid.NewGuid().ToString();
        var operation = new FakeOperation(operationId, [.. request.Tags]);
        if (!session.Operations.TryAdd(operationId, operation))
        {
            throw FakeErrors.Handle("INVALID_HANDLE.OPERATION_ALREADY_EXISTS", $"Operation {operationId} already exists.");
        }

        var slow = (fault as FakeFault.Slow)?.Delay;
        operation.Responses = Task.Run(async () =>
        {
            if (slow is { } delay)
            {
                await Task.Delay(delay, operation.Interrupted.Token).ConfigureAwait(false);
            }

            return Stamp(session, operation, session.Execute(request.Plan, server.BatchRows, operation.Interrupted.Token));
        });
        await StreamAsync(session, operation, 0, fault, responseStream, context).ConfigureAwait(false);
        if (!request.RequestOptions.Any(o => o.ReattachOptions?.Reattachable == true))
        {
            // A non-reattachable operation is gone once its stream is.
            session.Operations.TryRemove(operationId, out _);
        }
    }

    public override async Task ReattachExecute(ReattachExecuteRequest request, IServerStreamWriter<ExecutePlanResponse> responseStream, ServerCallContext context)
    {
        server.Record(nameof(ReattachExecute), request, context);
        var fault = server.TakeFault(nameof(ReattachExecute));
        var session = Session(request.SessionId, request.HasClientObservedServerSideSessionId ? request.ClientObservedServerSideSessionId : null, create: false);
        if (fault is FakeFault.LoseOperation)
        {
            session.Operations.TryRemove(request.OperationId, out _);
        }

        var operation = Operation(session, request.OperationId);
        var start = 0;
        if (request.HasLastResponseId)
        {
            var responses = await operation.Responses.ConfigureAwait(false);
            var index = responses.FindIndex(r => string.Equals(r.ResponseId, request.LastResponseId, StringComparison.Ordinal));
            if (index < 0 || index + 1 < operation.ReleasedUpTo)
            {
                throw FakeErrors.Handle("INVALID_CURSOR.POSITION_NOT_AVAILABLE", $"Response {request.LastResponseId} of operation {request.OperationId} is not available.");
            }

            start = index + 1;
        }

        await StreamAsync(session, operation, start, fault, responseStream, context).ConfigureAwait(false);
    }

    public override Task<ReleaseExecuteResponse> ReleaseExecute(ReleaseExecuteRequest request, ServerCallContext context)
    {
        server.Record(nameof(ReleaseExecute), request, context);
        var session = Session(request.SessionId, request.HasClientObservedServerSideSessionId ? request.ClientObservedServerSideSessionId : null, create: false);
        if (request.ReleaseCase == ReleaseExecuteRequest.ReleaseOneofCase.ReleaseAll)
        {
            session.Operations.TryRemove(request.OperationId, out _);
        }
        else if (session.Operations.TryGetValue(request.OperationId, out var operation) && operation.Responses.IsCompletedSuccessfully)
        {
            var index = operation.Responses.Result.FindIndex(r => string.Equals(r.ResponseId, request.ReleaseUntil.ResponseId, StringComparison.Ordinal));
            operation.ReleasedUpTo = Math.Max(operation.ReleasedUpTo, index + 1);
        }

        return Task.FromResult(new ReleaseExecuteResponse { SessionId = session.Id, ServerSideSessionId = session.ServerSideId, OperationId = request.OperationId });
    }

    public override Task<InterruptResponse> Interrupt(InterruptRequest request, ServerCallContext context)
    {
        server.Record(nameof(Interrupt), request, context);
        var session = Session(request.SessionId, request.HasClientObservedServerSideSessionId ? request.ClientObservedServerSideSessionId : null, create: true);
        var response = new InterruptResponse { SessionId = session.Id, ServerSideSessionId = session.ServerSideId };
        foreach (var operation in session.Operations.Values.Where(o => request.InterruptType switch
                 {
                     InterruptRequest.Types.InterruptType.All => true,
                     InterruptRequest.Types.InterruptType.Tag => o.Tags.Contains(request.OperationTag, StringComparer.Ordinal),
                     InterruptRequest.Types.InterruptType.OperationId => string.Equals(o.Id, request.OperationId, StringComparison.Ordinal),
                     _ => false,
                 }))
        {
            if (!operation.Responses.IsCompleted)
            {
                operation.Interrupted.Cancel();
                response.InterruptedIds.Add(operation.Id);
            }
        }

        return Task.FromResult(response);
    }

    public override Task<ConfigResponse> Config(ConfigRequest request, ServerCallContext context)
    {
        server.Record(nameof(Config), request, context);
        ThrowIfFault(nameof(Config));
        var session = Session(request.SessionId, request.HasClientObservedServerSideSessionId ? request.ClientObservedServerSideSessionId : null, create: true);
        var response = new ConfigResponse { SessionId = session.Id, ServerSideSessionId = session.ServerSideId };
        switch (request.Operation?.OpTypeCase)
        {
            case ConfigRequest.Types.Operation.OpTypeOneofCase.Set:
                foreach (var pair in request.Operation.Set.Pairs)
                {
                    session.Config[pair.Key] = pair.Value;
                }

                break;
            case ConfigRequest.Types.Operation.OpTypeOneofCase.Get:
                foreach (var key in request.Operation.Get.Keys)
                {
                    var pair = new KeyValue { Key = key };
                    if (session.Config.TryGetValue(key, out var value))
                    {
                        pair.Value = value;
                    }

                    response.Pairs.Add(pair);
                }

                break;
            default:
                throw FakeErrors.Spark(StatusCode.Unimplemented, "The fake supports Config set and get.", "UNSUPPORTED_FEATURE", "0A000");
        }

        return Task.FromResult(response);
    }

    public override Task<AnalyzePlanResponse> AnalyzePlan(AnalyzePlanRequest request, ServerCallContext context)
    {
        server.Record(nameof(AnalyzePlan), request, context);
        ThrowIfFault(nameof(AnalyzePlan));
        var session = Session(request.SessionId, request.HasClientObservedServerSideSessionId ? request.ClientObservedServerSideSessionId : null, create: true);
        var response = new AnalyzePlanResponse { SessionId = session.Id, ServerSideSessionId = session.ServerSideId };
        switch (request.AnalyzeCase)
        {
            case AnalyzePlanRequest.AnalyzeOneofCase.SparkVersion:
                response.SparkVersion = new AnalyzePlanResponse.Types.SparkVersion { Version = server.SparkVersion };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.Schema:
                try
                {
                    response.Schema = new AnalyzePlanResponse.Types.Schema { Schema_ = session.Schema(request.Schema.Plan.Root) };
                }
                catch (DuckDBException e)
                {
                    throw SqlError(e);
                }

                break;
            default:
                throw FakeErrors.Spark(StatusCode.Unimplemented, "The fake analyzes schema and spark_version.", "UNSUPPORTED_FEATURE", "0A000");
        }

        return Task.FromResult(response);
    }

    public override Task<ReleaseSessionResponse> ReleaseSession(ReleaseSessionRequest request, ServerCallContext context)
    {
        server.Record(nameof(ReleaseSession), request, context);
        server.ClosedSessions[request.SessionId] = 0;
        var serverSide = "";
        if (server.Sessions.TryRemove(request.SessionId, out var session))
        {
            serverSide = session.ServerSideId;
            session.Dispose();
        }

        return Task.FromResult(new ReleaseSessionResponse { SessionId = request.SessionId, ServerSideSessionId = serverSide });
    }

    public override Task<FetchErrorDetailsResponse> FetchErrorDetails(FetchErrorDetailsRequest request, ServerCallContext context)
    {
        server.Record(nameof(FetchErrorDetails), request, context);
        var response = new FetchErrorDetailsResponse { SessionId = request.SessionId };
        if (server.Errors.TryGetValue(request.ErrorId, out var error))
        {
            response.Errors.Add(error);
            response.RootErrorIdx = 0;
        }

        return Task.FromResult(response);
    }

    private async Task StreamAsync(FakeSession session, FakeOperation operation, int start, FakeFault? fault, IServerStreamWriter<ExecutePlanResponse> stream, ServerCallContext context)
    {
        List<ExecutePlanResponse> responses;
        try
        {
            responses = await operation.Responses.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (operation.Lost)
        {
            // A restarting server drops its connections: the client sees a broken stream, not an answer.
            context.GetHttpContext().Abort();
            return;
        }
        catch (OperationCanceledException) when (operation.Interrupted.IsCancellationRequested)
        {
            session.Operations.TryRemove(operation.Id, out _);
            throw FakeErrors.Spark(StatusCode.Internal, $"[OPERATION_CANCELED] Operation {operation.Id} has been cancelled.", SparkErrorClasses.OperationCanceled, "HY008");
        }
        catch (DuckDBException e)
        {
            session.Operations.TryRemove(operation.Id, out _);
            throw SqlError(e);
        }

        var sent = 0;
        for (var i = start; i < responses.Count; i++)
        {
            switch (fault)
            {
                case FakeFault.EndStream end when sent == end.Responses:
                    return;
                case FakeFault.Fail fail when sent == fail.Responses:
                    throw Fail(fail);
                case FakeFault.Reset reset when sent == reset.Responses:
                    context.GetHttpContext().Abort();
                    return;
                case FakeFault.LoseOperation:
                    break;
            }

            await stream.WriteAsync(responses[i]).ConfigureAwait(false);
            sent++;
        }
    }

    private static List<ExecutePlanResponse> Stamp(FakeSession session, FakeOperation operation, List<ExecutePlanResponse> responses)
    {
        responses.Add(new ExecutePlanResponse { ResultComplete = new ExecutePlanResponse.Types.ResultComplete() });
        foreach (var response in responses)
        {
            response.SessionId = session.Id;
            response.ServerSideSessionId = session.ServerSideId;
            response.OperationId = operation.Id;
            response.ResponseId = Guid.NewGuid().ToString();
        }

        return responses;
    }

    private FakeSession Session(string id, string? observed, bool create)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw FakeErrors.Handle("INVALID_HANDLE.FORMAT", $"The session id '{id}' is not a UUID.");
        }

        if (server.ClosedSessions.ContainsKey(id))
        {
            throw FakeErrors.Handle(SparkErrorClasses.SessionClosed, $"Session {id} was closed.");
        }

        FakeSession? session;
        if (create)
        {
            session = server.Sessions.GetOrAdd(id, key => new FakeSession(key, Guid.NewGuid().ToString()));
        }
        else if (!server.Sessions.TryGetValue(id, out session))
        {
            throw FakeErrors.Handle(SparkErrorClasses.SessionNotFound, $"Session {id} was not found.");
        }

        if (observed is not null && !string.Equals(observed, session.ServerSideId, StringComparison.Ordinal))
        {
            throw FakeErrors.Handle(SparkErrorClasses.SessionChanged, $"The existing Spark server-side session {session.ServerSideId} does not match the client-observed {observed}.");
        }

        return session;
    }

    private static FakeOperation Operation(FakeSession session, string id) =>
        session.Operations.TryGetValue(id, out var operation) ? operation
            : throw FakeErrors.Handle(SparkErrorClasses.OperationNotFound, $"Operation {id} was not found in session {session.Id}.");

    private void ThrowIfFault(string method)
    {
        if (server.TakeFault(method) is FakeFault.Fail fail)
        {
            throw Fail(fail);
        }
    }

    private static RpcException Fail(FakeFault.Fail fail) =>
        FakeErrors.Spark(fail.Status, fail.ErrorClass is null ? $"Scripted {fail.Status}." : $"[{fail.ErrorClass}] Scripted failure.", fail.ErrorClass, fail.SqlState, retryDelay: fail.RetryDelay);

    // DuckDB's errors as Spark's analysis errors: the error class and SQL state Spark gives the same mistake.
    private RpcException SqlError(DuckDBException exception)
    {
        var text = exception.Message;
        var (errorClass, sqlState) = text switch
        {
            _ when text.Contains("Table with name", StringComparison.Ordinal) => ("TABLE_OR_VIEW_NOT_FOUND", "42P01"),
            _ when text.Contains("Referenced column", StringComparison.Ordinal) => ("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703"),
            _ when text.Contains("Parser Error", StringComparison.Ordinal) => ("PARSE_SYNTAX_ERROR", "42601"),
            _ when text.Contains("Function with name", StringComparison.Ordinal) => ("UNRESOLVED_ROUTINE", "42883"),
            _ => ("INTERNAL_ERROR", "XX000"),
        };
        var message = $"[{errorClass}] {text} SQLSTATE: {sqlState}";
        var errorId = Guid.NewGuid().ToString();
        var error = new FetchErrorDetailsResponse.Types.Error
        {
            Message = message,
            SparkThrowable = new FetchErrorDetailsResponse.Types.SparkThrowable { ErrorClass = errorClass, SqlState = sqlState },
        };
        error.ErrorTypeHierarchy.Add("org.apache.spark.sql.AnalysisException");
        server.Errors[errorId] = error;
        var cut = message.Length > server.MaxStatusMessageLength ? message[..server.MaxStatusMessageLength] : message;
        return FakeErrors.Spark(StatusCode.Internal, cut, errorClass, sqlState, "org.apache.spark.sql.AnalysisException", errorId);
    }
}
