using Orleans.Concurrency;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Users;

/// <inheritdoc cref="IUserImportGrain"/>
/// <remarks>
/// Every row is checked before the first account is created, so a file with a mistake creates nothing. Creation itself
/// goes through each address's index grain, one row after the other; an address someone registers between the check and
/// the creation is the only way a row can still fail, and the 409 then names the rows created before it.
/// </remarks>
[StatelessWorker]
public sealed class UserImportGrain : Grain, IUserImportGrain
{
    /// <summary>The most rows one import may hold.</summary>
    public const int MaxRows = 2000;

    public async Task<IReadOnlyList<ImportedUser>> ImportAsync(Caller caller, IReadOnlyList<UserImportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(rows);
        if (!caller.IsAdmin)
        {
            throw ProctorWiseException.Forbidden("Only administrators import users.");
        }

        var accounts = await CheckAsync(rows);
        var created = new List<ImportedUser>(accounts.Count);
        foreach (var (row, account, temporary) in accounts)
        {
            try
            {
                var user = await GrainFactory.GetGrain<IUserEmailIndexGrain>(account.Email).RegisterAsync(account);
                created.Add(new ImportedUser(row.Line, user, temporary));
            }
            catch (ProctorWiseException e) when (e.Kind == ErrorKind.Conflict)
            {
                var done = created.Count == 0 ? "none" : string.Join(", ", created.Select(c => c.Line));
                throw ProctorWiseException.Conflict($"Line {row.Line}: {e.Message} The lines before it were created (lines {done}); fix the file and import the rest.");
            }
        }

        return created;
    }

    private async Task<List<(UserImportRow Row, NewUser Account, string? Temporary)>> CheckAsync(IReadOnlyList<UserImportRow> rows)
    {
        var errors = new ValidationErrors();
        if (rows.Count == 0)
        {
            errors.Add("rows", "The file has no account in it.");
        }
        else if (rows.Count > MaxRows)
        {
            errors.Add("rows", $"At most {MaxRows} accounts per import; this file has {rows.Count}.");
        }

        errors.ThrowIfAny();
        var accounts = new List<(UserImportRow, NewUser, string?)>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // Keyed by the file's line, which the administrator sees, not by the row's index.
            var prefix = $"lines.{row.Line}.";
            var temporary = string.IsNullOrEmpty(row.Password) ? TemporaryPasswords.Create() : null;
            var (name, email) = UserRules.Collect(errors, prefix, row.Name, row.Email, temporary ?? row.Password);
            if (!TryParseRole(row.Role, out var role))
            {
                errors.Add(prefix + "role", "Expected one of student, teacher, proctor, admin.");
            }

            if (email is not null && !seen.TryAdd(email, row.Line))
            {
                errors.Add(prefix + "email", $"The same address is on line {seen[email]}.");
            }
            else if (email is not null && await GrainFactory.GetGrain<IUserEmailIndexGrain>(email).GetUserIdAsync() is not null)
            {
                errors.Add(prefix + "email", "This address is already registered.");
            }

            if (name is not null && email is not null)
            {
                accounts.Add((row, new NewUser(name, email, temporary ?? row.Password!, role, MustChangePassword: temporary is not null), temporary));
            }
        }

        errors.ThrowIfAny();
        return accounts;
    }

    // JSON names only ("proctor"), as everywhere in the API; numbers are not roles.
    private static bool TryParseRole(string? text, out UserRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
