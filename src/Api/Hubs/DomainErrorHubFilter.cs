using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// A refusal (a grain's <see cref="ProctorWiseException"/> or a hub's own <see cref="HubException"/>) reaches
/// the caller as its message and is logged once, at Warning, without a stack trace: a client repeating
/// refused calls must not be able to fill the disk. A transient fault of the cluster or its database
/// (<see cref="TransientFaults"/>) becomes a refusal of kind Transient that the client may retry, also at
/// Warning. Anything else is a fault, logged at Error with its stack. SignalR's own per-failure Error log
/// is turned off for that reason (<see cref="HubHostingExtensions"/>).
/// </summary>
internal sealed partial class DomainErrorHubFilter(ILogger<DomainErrorHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var hub = invocationContext.Hub.GetType().Name;
        var method = invocationContext.HubMethodName;
        var user = invocationContext.Context.User?.FindFirst(ClaimNames.Subject)?.Value ?? "?";
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (TransientFaults.Is(e))
        {
            LogRefused(logger, hub, method, user, $"{e.GetType().Name}: {e.Message}");
            throw new HubException($"{ErrorKind.Transient}: {TransientFaults.Title} {TransientFaults.Detail}");
        }
        catch (ProctorWiseException e)
        {
            var message = $"{e.Kind}: {e.Message}";
            LogRefused(logger, hub, method, user, message);
            throw new HubException(message);
        }
        catch (HubException e)
        {
            LogRefused(logger, hub, method, user, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, hub, method, e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Hub}.{Method} for user {UserId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string hub, string method, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Hub}.{Method} failed.")]
    private static partial void LogFailed(ILogger logger, string hub, string method, Exception exception);
}
