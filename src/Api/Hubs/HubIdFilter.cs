using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Infrastructure;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// Every string argument of a hub method is an id (a slot, a session), so each is checked by
/// <see cref="ResourceIds"/> before the method runs: a malformed one is refused naming the argument and never
/// reaches <c>GetGrain</c>. The refusal is a <see cref="HubException"/>, logged as one by
/// <see cref="DomainErrorHubFilter"/>; the connection stays open.
/// </summary>
internal sealed class HubIdFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length && i < invocationContext.HubMethodArguments.Count; i++)
        {
            if (parameters[i].ParameterType == typeof(string) && !ResourceIds.IsValid(invocationContext.HubMethodArguments[i] as string))
            {
                throw new HubException($"Validation: {parameters[i].Name}: {ResourceIds.Message}");
            }
        }

        return next(invocationContext);
    }
}
