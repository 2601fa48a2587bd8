namespace ProctorWise.Grains.Ports;

/// <summary>Password hashing, implemented in Silo with ASP.NET Core's <c>PasswordHasher</c> (PBKDF2).</summary>
public interface IPasswordHashing
{
    /// <summary>Hashes a password with a fresh salt.</summary>
    string Hash(string password);

    /// <summary>Checks a password against a stored hash.</summary>
    PasswordCheck Verify(string hash, string password);
}
