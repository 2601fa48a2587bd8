using Microsoft.AspNetCore.SignalR;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Hubs;

/// <summary>Messages a proctor dashboard receives on <c>/hubs/proctor</c>.</summary>
public interface IProctorClient
{
    /// <summary>A new, worse or acknowledged alert (<c>alert</c>).</summary>
    [HubMethodName("alert")]
    Task Alert(ProctorAlert alert);

    /// <summary>A session's live state (<c>sessionChanged</c>).</summary>
    [HubMethodName("sessionChanged")]
    Task SessionChanged(SessionLiveView session);
}
