namespace ProctorWise.Grains.Domain;

/// <summary>
/// What a stored text may contain: any Unicode text, including right-to-left scripts and their
/// direction marks, but no control characters except tab and line breaks. NUL and other C0/C1
/// controls break exports, terminals and downstream tools, and no person types them.
/// </summary>
internal static class TextRules
{
    /// <summary>The message for a text that holds a control character.</summary>
    public const string ControlCharacterMessage = "Contains a control character; only text, tabs and line breaks are allowed.";

    /// <summary>True when <paramref name="text"/> holds no control character other than tab, LF and CR.</summary>
    public static bool IsClean(string? text)
    {
        if (text is null)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }
}
