using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Auth;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// The hub connections open on this host, by user, so that a revocation (role change, deactivation)
/// can close them: a live connection never presents its token again, so nothing else would.
/// </summary>
internal sealed class HubConnections
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, HubCallerContext>> _byUser = new(StringComparer.Ordinal);

    public void Add(HubCallerContext connection)
    {
        var userId = UserOf(connection);
        lock (_gate)
        {
            if (!_byUser.TryGetValue(userId, out var connections))
            {
                _byUser[userId] = connections = new(StringComparer.Ordinal);
            }

            connections[connection.ConnectionId] = connection;
        }
    }

    public void Remove(HubCallerContext connection)
    {
        var userId = UserOf(connection);
        lock (_gate)
        {
            if (_byUser.TryGetValue(userId, out var connections) && connections.Remove(connection.ConnectionId) && connections.Count == 0)
            {
                _byUser.Remove(userId);
            }
        }
    }

    /// <summary>Whether <paramref name="userId"/> has a connection on this host.</summary>
    public bool Has(string userId)
    {
        lock (_gate)
        {
            return _byUser.ContainsKey(userId);
        }
    }

    /// <summary>Closes every connection of <paramref name="userId"/> on this host; returns how many.</summary>
    public int Abort(string userId)
    {
        List<HubCallerContext> closing;
        lock (_gate)
        {
            if (!_byUser.Remove(userId, out var connections))
            {
                return 0;
            }

            closing = [.. connections.Values];
        }

        foreach (var connection in closing)
        {
            connection.Abort();
        }

        return closing.Count;
    }

    // Hubs require authentication, so every connection has a subject.
    private static string UserOf(HubCallerContext connection) => connection.User!.ToCaller().UserId;
}
