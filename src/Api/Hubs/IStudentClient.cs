using Microsoft.AspNetCore.SignalR;

namespace ProctorWise.Api.Hubs;

/// <summary>Messages the student's exam page receives on <c>/hubs/student</c>.</summary>
public interface IStudentClient
{
    /// <summary>A proctor's warning (<c>warning {message, at}</c>).</summary>
    [HubMethodName("warning")]
    Task Warning(WarningMessage warning);

    /// <summary>A proctor ended the session (<c>terminated {reason}</c>).</summary>
    [HubMethodName("terminated")]
    Task Terminated(TerminatedMessage terminated);

    /// <summary>The deadline moved (<c>deadlineChanged {deadline}</c>).</summary>
    [HubMethodName("deadlineChanged")]
    Task DeadlineChanged(DeadlineMessage deadline);
}
