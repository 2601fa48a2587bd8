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

    /// <summary>
    /// Replaces the password with a random temporary one, returned once, and revokes every token (admins only, never
    /// their own: they change it themselves). The user must change it at the next sign-in.
    /// </summary>
    [Alias("ResetPassword")]
    Task<PasswordReset> ResetPasswordAsync(Caller caller);

    /// <summary>
    /// Changes the user's own password after checking the current one (400 naming <c>currentPassword</c> or
    /// <c>newPassword</c>); revokes every other token and returns the new stamp for the caller's fresh one.
    /// </summary>
    [Alias("ChangePassword")]
    Task<LoginOutcome> ChangePasswordAsync(string currentPassword, string newPassword);
}
