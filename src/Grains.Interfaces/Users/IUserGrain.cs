using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>One account (key: user id): profile, role, password hash and security stamp.</summary>
[Alias("pw.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; repeating the same creation returns the same user.</summary>
    [Alias("Create")]
    Task<UserView> CreateAsync(NewUser newUser);

    /// <summary>The user, or null when no account has this id.</summary>
    [Alias("Get")]
    Task<UserView?> GetAsync();

    /// <summary>Checks a password; null when it is wrong, or the account is inactive or missing.</summary>
    [Alias("VerifyPassword")]
    Task<LoginOutcome?> VerifyPasswordAsync(string password);

    /// <summary>True while a token carrying this stamp may still be used.</summary>
    [Alias("IsTokenValid")]
    Task<bool> IsTokenValidAsync(string securityStamp);

    /// <summary>Changes role or activity (admins only); either change revokes existing tokens.</summary>
    [Alias("Update")]
    Task<UserView> UpdateAsync(Caller caller, UserUpdate update);
}
