using System.Security.Cryptography;

namespace ProctorWise.Grains.Domain;

/// <summary>Temporary passwords an administrator hands over: random, and easy to read out or type.</summary>
internal static class TemporaryPasswords
{
    // No 0/O, 1/l/I: the password is read from a screen and typed by someone else.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The length: 16 characters of a 55-letter alphabet, about 92 bits.</summary>
    public const int Length = 16;

    /// <summary>A new temporary password.</summary>
    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);
}
