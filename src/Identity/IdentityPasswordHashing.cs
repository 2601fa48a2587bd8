using Microsoft.AspNetCore.Identity;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Identity;

/// <summary>
/// <see cref="IPasswordHashing"/> over ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, 100 000 iterations, per-hash salt; old formats are flagged for rehash).
/// </summary>
internal sealed class IdentityPasswordHashing : IPasswordHashing
{
    // The hasher ignores the user argument; one shared instance is thread-safe.
    private static readonly PasswordHasher<object> s_hasher = new();
    private static readonly object s_user = new();

    public string Hash(string password) => s_hasher.HashPassword(s_user, password);

    public PasswordCheck Verify(string hash, string password)
    {
        try
        {
            return s_hasher.VerifyHashedPassword(s_user, hash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Success,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        catch (FormatException)
        {
            // A corrupt stored hash must fail the login, not the request.
            return PasswordCheck.Failed;
        }
    }
}
