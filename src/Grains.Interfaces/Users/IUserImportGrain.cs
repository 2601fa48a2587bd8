using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>Creates many accounts from one import (a CSV file an administrator uploads): every row or none.</summary>
[Alias("pw.IUserImportGrain")]
public interface IUserImportGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Checks every row first (account rules, known role, addresses unique in the file and not yet registered) and
    /// throws one 400 naming each bad row's fields by its line (<c>lines.3.email</c>) before anything is created; then creates the
    /// accounts. Rows without a password get a temporary one that must be changed at first sign-in.
    /// </summary>
    [Alias("Import")]
    Task<IReadOnlyList<ImportedUser>> ImportAsync(Caller caller, IReadOnlyList<UserImportRow> rows);
}

/// <summary>One line of an import.</summary>
/// <param name="Line">The line number in the file (1 is the header), for the messages.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="Role">The role's JSON name (<c>student</c>, <c>teacher</c>, <c>proctor</c>, <c>admin</c>).</param>
/// <param name="Password">A password, or null for a temporary one.</param>
[GenerateSerializer, Immutable, Alias("pw.user-import-row")]
public sealed record class UserImportRow(int Line, string Name, string Email, string Role, string? Password);

/// <summary>An account an import created.</summary>
/// <param name="Line">Its line in the file.</param>
/// <param name="User">The account.</param>
/// <param name="TemporaryPassword">The temporary password given to it (shown this once), or null when the file had one.</param>
[GenerateSerializer, Immutable, Alias("pw.imported-user")]
public sealed record class ImportedUser(int Line, UserView User, string? TemporaryPassword);
