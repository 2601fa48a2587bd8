using System.Collections.Concurrent;
using ProctorWise.Grains.Ports;

namespace ProctorWise.TestSupport.Cluster;

/// <summary>
/// A fast, transparent stand-in for the production hasher that records which stored hashes were checked,
/// so a test can tell whether a login did the (deliberately slow) password work — equal work for every
/// account is what keeps deactivated accounts from being told apart by their answer time.
/// Shared by every silo of the process, so a test uses a password no other test uses.
/// </summary>
public sealed class RecordingPasswordHashing : IPasswordHashing
{
    private const string Prefix = "test-hash:";
    private static readonly ConcurrentDictionary<string, int> s_verified = new(StringComparer.Ordinal);

    /// <summary>The hash this hasher stores for <paramref name="password"/>.</summary>
    public static string HashOf(string password) => Prefix + password;

    /// <summary>How many times the hash stored for <paramref name="password"/> was checked.</summary>
    public static int VerificationsOf(string password) => s_verified.GetValueOrDefault(HashOf(password));

    public string Hash(string password) => HashOf(password);

    public PasswordCheck Verify(string hash, string password)
    {
        s_verified.AddOrUpdate(hash, 1, (_, n) => n + 1);
        return string.Equals(hash, HashOf(password), StringComparison.Ordinal) ? PasswordCheck.Success : PasswordCheck.Failed;
    }
}
