using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// A live hub connection loses its rights when its user's standing changes or its token expires: it is
/// closed within seconds, so it neither receives the room's alerts nor calls anything afterwards. Refused
/// calls are logged once at Warning, without a stack trace.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HubRightsTests(ApiFactory factory)
{
    // The longest a revoked connection may stay open; revocation is pushed, so it is normally milliseconds.
    private static readonly TimeSpan s_closedWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ADeactivatedProctorsConnectionIsClosed()
    {
        var room = await ProctoredRoom.ArrangeAsync(factory);
        await using var hub = await WatchingAsync(room.First.Token!, room.SlotId);
        var closed = ClosedSignal(hub);

        var admin = await factory.AdminAsync();
        await Expect.Status(HttpStatusCode.OK, await admin.PatchAsync($"/api/users/{room.First.User!.Id}", new { isActive = false }));

        await closed.WaitAsync(s_closedWithin, TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
    }

    [Fact]
    public async Task AProctorWhoseRoleChangedLosesTheConnection()
    {
        var room = await ProctoredRoom.ArrangeAsync(factory);
        await using var hub = await WatchingAsync(room.Second.Token!, room.SlotId);
        var closed = ClosedSignal(hub);

        var admin = await factory.AdminAsync();
        await Expect.Status(HttpStatusCode.OK, await admin.PatchAsync($"/api/users/{room.Second.User!.Id}", new { role = "student" }));

        await closed.WaitAsync(s_closedWithin, TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
    }

    [Fact]
    public async Task AConnectionClosesWhenItsTokenExpires()
    {
        var room = await ProctoredRoom.ArrangeAsync(factory);
        var expires = DateTime.UtcNow.AddSeconds(3);
        await using var hub = await WatchingAsync(TestTokens.Resign(room.First.Token!, expires), room.SlotId);
        var closed = ClosedSignal(hub);

        await closed.WaitAsync(s_closedWithin, TestContext.Current.CancellationToken);
        Assert.True(DateTime.UtcNow >= expires.AddSeconds(-1), "The connection closed before its token expired.");
    }

    [Fact]
    public async Task ARefusedCallIsLoggedOnceAtWarningWithoutAStackTrace()
    {
        var room = await ProctoredRoom.ArrangeAsync(factory);
        await using var outsider = await HubClient.ConnectAsync(factory, "/hubs/proctor", room.Outsider.Token!);
        var refused = await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync<JsonElement>("WatchRoom", room.SlotId, TestContext.Current.CancellationToken));
        Assert.Contains("Forbidden", refused.Message, StringComparison.Ordinal);

        // The refusal is logged before the client's call completes; SignalR's own Error entry with the stack is gone.
        var entry = Assert.Single(factory.Logs.Records, r => r.Message.Contains("WatchRoom", StringComparison.Ordinal) && r.Message.Contains(room.Outsider.User!.Id, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.DoesNotContain(factory.Logs.Records, r => r.Level >= LogLevel.Error && (r.Exception?.ToString().Contains("supervise this room", StringComparison.Ordinal) ?? false));
    }

    private async Task<HubClient> WatchingAsync(string token, string slotId)
    {
        var hub = await HubClient.ConnectAsync(factory, "/hubs/proctor", token, "alert", "sessionChanged");
        await hub.Connection.InvokeAsync<JsonElement>("WatchRoom", slotId, TestContext.Current.CancellationToken);
        return hub;
    }

    private static Task ClosedSignal(HubClient hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
