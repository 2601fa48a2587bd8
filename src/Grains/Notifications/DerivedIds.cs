using System.Security.Cryptography;
using System.Text;

namespace ProctorWise.Grains.Notifications;

/// <summary>
/// Source ids for notifications that no single event carries (a reminder of a booking, a digest window): the same
/// inputs always give the same id, so a repeated tick deduplicates like a redelivered event.
/// </summary>
internal static class DerivedIds
{
    public static Guid Of(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return new Guid(bytes.AsSpan(0, 16));
    }
}
