using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Api.Hubs;

/// <summary><c>/hubs/student</c>: the exam page of a running session receives warnings, termination and deadline changes.</summary>
[Authorize(Policy = Policies.Student)]
public sealed class StudentHub(IGrainFactory grains) : Hub<IStudentClient>
{
    /// <summary>Joins the session's messages; only its own student may (the session grain checks). Returns the session.</summary>
    public async Task<SessionView> JoinSession(string sessionId)
    {
        var session = await grains.GetGrain<IExamSessionGrain>(sessionId).GetAsync(Context.User!.ToCaller());
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Session(sessionId));
        return session;
    }
}
