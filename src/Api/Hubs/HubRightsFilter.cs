using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// A hub connection keeps the rights of its token only while the token would still be accepted: every
/// call checks that it has not expired and that the user's stamp (role, standing) is unchanged, and a
/// connection that fails either is closed. Connections are tracked so a revocation pushed by the user's
/// grain closes them at once (<see cref="HubObserver.OnUserRevokedAsync"/>).
/// </summary>
internal sealed class HubRightsFilter(HubConnections connections, IGrainFactory grains, TimeProvider clock) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = invocationContext.Context;
        if (await RefusalAsync(connection) is { } reason)
        {
            connection.Abort();
            throw new HubException($"Unauthorized: {reason}");
        }

        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections.Add(context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context);
        return next(context, exception);
    }

    private async Task<string?> RefusalAsync(HubCallerContext connection)
    {
        var user = connection.User!;
        if (!long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow())
        {
            return "your sign-in expired; sign in again.";
        }

        var stamp = user.FindFirst(ClaimNames.SecurityStamp)?.Value;
        var valid = stamp is not null && await grains.GetGrain<IUserGrain>(user.ToCaller().UserId).IsTokenValidAsync(stamp);
        return valid ? null : "your account changed; sign in again.";
    }
}
