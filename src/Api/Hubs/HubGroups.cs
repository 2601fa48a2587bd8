namespace ProctorWise.Api.Hubs;

/// <summary>SignalR group names: a connection joins only groups its user was checked for.</summary>
internal static class HubGroups
{
    /// <summary>The connections of one proctor watching one room.</summary>
    public static string ProctorRoom(string proctorId, string slotId) => $"proctor:{proctorId}:room:{slotId}";

    /// <summary>The connections of the student of one session.</summary>
    public static string Session(string sessionId) => $"session:{sessionId}";

    /// <summary>The connections (tabs) of one user on the notification hub.</summary>
    public static string User(string userId) => $"user:{userId}";
}
