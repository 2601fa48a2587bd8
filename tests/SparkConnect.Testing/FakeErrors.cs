using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>Errors the way Spark Connect sends them: a gRPC status with a <c>google.rpc.ErrorInfo</c> (and <c>RetryInfo</c>).</summary>
internal static class FakeErrors
{
    public static RpcException Spark(
        StatusCode code, string message, string? errorClass, string? sqlState = null, string exceptionClass = "org.apache.spark.SparkException",
        string? errorId = null, TimeSpan? retryDelay = null, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var info = new ErrorInfo { Reason = exceptionClass, Domain = "org.apache.spark" };
        info.Metadata["classes"] = JsonSerializer.Serialize(new[] { exceptionClass });
        if (errorClass is not null)
        {
            info.Metadata["errorClass"] = errorClass;
        }

        if (sqlState is not null)
        {
            info.Metadata["sqlState"] = sqlState;
        }

        if (errorId is not null)
        {
            info.Metadata["errorId"] = errorId;
        }

        if (parameters is { Count: > 0 })
        {
            info.Metadata["messageParameters"] = JsonSerializer.Serialize(parameters);
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(info));
        if (retryDelay is { } delay)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        }

        return status.ToRpcException();
    }

    public static RpcException Handle(string errorClass, string message) =>
        Spark(StatusCode.Internal, $"[{errorClass}] {message}", errorClass, "XX000", "org.apache.spark.SparkSQLException");
}
