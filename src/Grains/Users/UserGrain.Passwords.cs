using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Users;

/// <summary>The password changes: an administrator's reset to a temporary password, and the user's own change.</summary>
public sealed partial class UserGrain
{
    public async Task<PasswordReset> ResetPasswordAsync(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin)
        {
            throw ProctorWiseException.Forbidden("Only administrators reset passwords.");
        }

        if (!Exists)
        {
            throw ProctorWiseException.NotFound("User");
        }

        if (caller.UserId == Id)
        {
            // Resetting one's own password would sign the admin out with a password they never chose.
            throw ProctorWiseException.Conflict("Change your own password from your profile instead.");
        }

        var temporary = TemporaryPasswords.Create();
        State.PasswordHash = hashing.Hash(temporary);
        State.MustChangePassword = true;
        await RevokeTokensAsync();
        return new PasswordReset(View(), temporary);
    }

    public async Task<LoginOutcome> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        if (!Exists || !State.IsActive)
        {
            throw ProctorWiseException.NotFound("User");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(currentPassword) || hashing.Verify(State.PasswordHash, currentPassword) == PasswordCheck.Failed)
        {
            errors.Add("currentPassword", "This is not your current password.");
        }

        UserRules.CheckPassword(errors, "newPassword", newPassword);
        if (errors.IsEmpty && string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            errors.Add("newPassword", "Choose a password other than the current one.");
        }

        errors.ThrowIfAny();
        State.PasswordHash = hashing.Hash(newPassword);
        State.MustChangePassword = false;
        await RevokeTokensAsync();
        return new LoginOutcome(View(), State.SecurityStamp);
    }
}
