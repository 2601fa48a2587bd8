using System.Net.Mail;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Domain;

/// <summary>Account input rules: names, addresses, passwords.</summary>
internal static class UserRules
{
    public const int MinPassword = 8;
    public const int MaxPassword = 128;
    public const int MaxName = 100;
    public const int MaxEmail = 254;

    public static bool IsValidEmail(string email) =>
        email.Length <= MaxEmail
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address.Equals(email, StringComparison.OrdinalIgnoreCase)
        && email.Contains('@', StringComparison.Ordinal)
        && email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal);

    /// <summary>Validates a new account and returns the cleaned name and address; throws a 400 otherwise.</summary>
    public static (string Name, string Email) Check(string? name, string? email, string? password)
    {
        var errors = new ValidationErrors();
        var (cleanName, cleanEmail) = Collect(errors, "", name, email, password);
        errors.ThrowIfAny();
        return (cleanName!, cleanEmail!);
    }

    /// <summary>
    /// Adds what is wrong with a new account to <paramref name="errors"/>, its fields named after <paramref name="prefix"/>
    /// (<c>rows[3].</c> for a line of an import); returns the cleaned name and normalised address (null where invalid).
    /// </summary>
    public static (string? Name, string? Email) Collect(ValidationErrors errors, string prefix, string? name, string? email, string? password)
    {
        var cleanName = errors.RequireText(prefix + "name", name, MaxName);
        var cleanEmail = errors.RequireText(prefix + "email", email, MaxEmail);
        if (cleanEmail is not null && !IsValidEmail(cleanEmail))
        {
            errors.Add(prefix + "email", "Not a valid e-mail address.");
            cleanEmail = null;
        }

        CheckPassword(errors, prefix + "password", password);
        return (cleanName, cleanEmail is null ? null : EmailAddress.Normalize(cleanEmail));
    }

    /// <summary>Adds what is wrong with a password under <paramref name="field"/>.</summary>
    public static void CheckPassword(ValidationErrors errors, string field, string? password)
    {
        if (password is null || password.Length < MinPassword)
        {
            errors.Add(field, $"At least {MinPassword} characters.");
        }
        else if (password.Length > MaxPassword)
        {
            errors.Add(field, $"At most {MaxPassword} characters.");
        }
    }
}
