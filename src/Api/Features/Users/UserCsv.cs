using System.Text;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Features.Users;

/// <summary>Reads an import file (RFC 4180: commas, CRLF or LF, double quotes around fields, <c>""</c> for a quote).</summary>
public static class UserCsv
{
    /// <summary>The largest file accepted, in characters.</summary>
    public const int MaxLength = 1_000_000;

    private static readonly string[] s_required = ["name", "email", "role"];
    private static readonly string[] s_known = ["name", "email", "role", "password"];

    /// <summary>The rows of <paramref name="csv"/>; a 400 naming <c>csv</c> with the line at fault when the file cannot be read.</summary>
    public static IReadOnlyList<UserImportRow> Parse(string? csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw ProctorWiseException.Invalid("csv", "Required: a header line (name,email,role[,password]) and one line per account.");
        }

        if (csv.Length > MaxLength)
        {
            throw ProctorWiseException.Invalid("csv", $"At most {MaxLength:N0} characters; split the file.");
        }

        var records = Records(csv.TrimStart('\uFEFF')).Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        var header = records.Count > 0 ? records[0] : throw ProctorWiseException.Invalid("csv", "The file is empty.");
        var columns = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        if (columns.FirstOrDefault(c => !s_known.Contains(c)) is { } unknown)
        {
            throw ProctorWiseException.Invalid("csv", $"Line 1: unknown column '{unknown}'; the columns are name, email, role and optionally password.");
        }

        if (s_required.FirstOrDefault(c => !columns.Contains(c)) is { } missing)
        {
            throw ProctorWiseException.Invalid("csv", $"Line 1: the header has no '{missing}' column; it needs name, email and role.");
        }

        if (columns.Distinct().Count() != columns.Length)
        {
            throw ProctorWiseException.Invalid("csv", "Line 1: a column is named twice.");
        }

        return [.. records.Skip(1).Select(r => Row(r, columns))];
    }

    private static UserImportRow Row((int Line, List<string> Fields) record, string[] columns)
    {
        if (record.Fields.Count != columns.Length)
        {
            throw ProctorWiseException.Invalid("csv", $"Line {record.Line}: {record.Fields.Count} fields where the header has {columns.Length}.");
        }

        string? Field(string name) => Array.IndexOf(columns, name) is var i and >= 0 ? record.Fields[i] : null;
        var password = Field("password");
        return new UserImportRow(record.Line, Field("name")!, Field("email")!, Field("role")!.Trim(), string.IsNullOrEmpty(password) ? null : password);
    }

    /// <summary>The file's records with the line each starts on (a quoted field may span lines).</summary>
    internal static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted, i) = (1, 1, false, 0);
        while (i < text.Length)
        {
            var c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw ProctorWiseException.Invalid("csv", $"Line {line}: text after a closing quote; a quote inside a field is written \"\".");
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (start, fields);
                fields = [];
                start = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw ProctorWiseException.Invalid("csv", $"Line {start}: a quoted field is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
