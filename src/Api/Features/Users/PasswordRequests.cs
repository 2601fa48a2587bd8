namespace ProctorWise.Api.Features.Users;

/// <summary>A user's change of their own password.</summary>
/// <param name="CurrentPassword">The password now (the temporary one after a reset).</param>
/// <param name="NewPassword">The new password, 8 to 128 characters, not the current one.</param>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>An administrator's import of accounts.</summary>
/// <param name="Csv">
/// The file's text (RFC 4180, UTF-8): a header naming the columns <c>name</c>, <c>email</c>, <c>role</c> and optionally
/// <c>password</c>, in any order, then one account per line. A row without a password gets a temporary one.
/// </param>
public sealed record ImportUsersRequest(string? Csv);

/// <summary>What an import created.</summary>
/// <param name="Created">Every account, in the file's order, with its temporary password where one was given (shown this once).</param>
public sealed record ImportUsersResponse(IReadOnlyList<Grains.Interfaces.Users.ImportedUser> Created);
