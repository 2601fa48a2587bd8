using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Grains.Domain;

/// <summary>Collects field-level messages (JSON paths of the request) and throws them as one 400.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Checks a required text and its maximum length; returns the trimmed text.</summary>
    public string? RequireText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, "Required.");
            return null;
        }

        CheckLength(field, trimmed, maxLength);
        return trimmed;
    }

    /// <summary>Checks an optional text: its maximum length, and that it holds no control character (<see cref="TextRules"/>).</summary>
    public void CheckLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }

        if (!TextRules.IsClean(value))
        {
            Add(field, TextRules.ControlCharacterMessage);
        }
    }

    public void CheckRange(string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            Add(field, $"Must be between {min} and {max}.");
        }
    }

    /// <summary>Compares as a double: a cast to decimal overflows beyond ±7.9e28, and NaN fails every comparison.</summary>
    public void CheckDoubleRange(string field, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            Add(field, FormattableString.Invariant($"Must be between {min} and {max}."));
        }
    }

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new ProctorWiseException(
                "The request is invalid.",
                _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
