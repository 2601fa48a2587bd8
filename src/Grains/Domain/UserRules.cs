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
        var cleanName = errors.RequireText("name", name, MaxName);
        var cleanEmail = errors.RequireText("email", email, MaxEmail);
        if (cleanEmail is not null && !IsValidEmail(cleanEmail))
        {
            errors.Add("email", "Not a valid e-mail address.");
        }

        if (password is null || password.Length < MinPassword)
        {
            errors.Add("password", $"At least {MinPassword} characters.");
        }
        else if (password.Length > MaxPassword)
        {
            errors.Add("password", $"At most {MaxPassword} characters.");
        }

        errors.ThrowIfAny();
        return (cleanName!, EmailAddress.Normalize(cleanEmail));
    }
}
