using Microsoft.AspNetCore.SignalR;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Api.Hubs;

/// <summary>A grain's refusal reaches the hub caller as its message (a <see cref="HubException"/>), not as a generic error.</summary>
internal sealed class DomainErrorHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (ProctorWiseException e)
        {
            throw new HubException($"{e.Kind}: {e.Message}", e);
        }
    }
}
