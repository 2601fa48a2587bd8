namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>
/// The single writer of one e-mail address (key: normalised e-mail): it makes addresses unique
/// and creates the account that owns it.
/// </summary>
[Alias("pw.IUserEmailIndexGrain")]
public interface IUserEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Validates and creates the account for this address; 409 when the address is taken.</summary>
    [Alias("Register")]
    Task<UserView> RegisterAsync(NewUser newUser);

    /// <summary>
    /// Checks a password for this address; null for a wrong password, an inactive account or an unknown
    /// address (which costs the same time, so the answer does not reveal whether the address exists).
    /// </summary>
    [Alias("VerifyPassword")]
    Task<LoginOutcome?> VerifyPasswordAsync(string password);

    /// <summary>The id of the account using this address, or null.</summary>
    [Alias("GetUserId")]
    Task<string?> GetUserIdAsync();
}
