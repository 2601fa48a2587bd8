using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// <c>/hubs/notifications</c>: every signed-in user's tabs receive their own notifications. A connection joins only
/// its user's group, so each of the user's tabs gets every push (not "last connection wins") and nobody else does.
/// It has no methods to call: the inbox is read and marked through the REST API. Since nothing is invoked, the
/// token's stamp is checked when the connection opens; afterwards a revocation closes it (<see cref="HubConnections"/>)
/// and so does the token's expiry.
/// </summary>
[Authorize]
public sealed class NotificationHub(IGrainFactory grains) : Hub<INotificationClient>
{
    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var caller = user.ToCaller();
        var stamp = user.FindFirst(ClaimNames.SecurityStamp)?.Value;
        if (stamp is null || !await grains.GetGrain<IUserGrain>(caller.UserId).IsTokenValidAsync(stamp))
        {
            throw new HubException("Unauthorized: your account changed; sign in again.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(caller.UserId));
        await base.OnConnectedAsync();
    }
}
