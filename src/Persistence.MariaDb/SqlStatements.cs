using System.Text;

namespace ProctorWise.Persistence.MariaDb;

/// <summary>
/// Splits a DELIMITER-free MariaDB script into statements: semicolons inside quoted strings, quoted
/// identifiers and comments do not end a statement; comment-only fragments are dropped.
/// </summary>
internal static class SqlStatements
{
    public static IReadOnlyList<string> Split(string sql)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var hasCode = false;
        var atLineStart = true;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (atLineStart)
            {
                RejectDelimiter(sql, i);
            }

            atLineStart = false;
            switch (c)
            {
                case '\'' or '"' or '`':
                    {
                        var end = SkipQuoted(sql, i, c);
                        current.Append(sql, i, end - i);
                        hasCode = true;
                        i = end;
                        continue;
                    }

                case '-' when i + 1 < sql.Length && sql[i + 1] == '-' && (i + 2 >= sql.Length || char.IsWhiteSpace(sql[i + 2])):
                case '#':
                    {
                        var end = sql.IndexOf('\n', i);
                        end = end < 0 ? sql.Length : end;
                        current.Append(sql, i, end - i);
                        i = end;
                        continue;
                    }

                case '/' when i + 1 < sql.Length && sql[i + 1] == '*':
                    {
                        var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                        if (end < 0)
                        {
                            throw new FormatException("Unterminated /* comment.");
                        }

                        end += 2;

                        // /*! … */ and /*M! … */ are executable comments: code, not comment.
                        if (i + 2 < sql.Length && (sql[i + 2] == '!' || (sql[i + 2] == 'M' && i + 3 < sql.Length && sql[i + 3] == '!')))
                        {
                            hasCode = true;
                        }

                        current.Append(sql, i, end - i);
                        i = end;
                        continue;
                    }

                case ';':
                    if (hasCode)
                    {
                        statements.Add(current.ToString().Trim());
                    }

                    current.Clear();
                    hasCode = false;
                    i++;
                    continue;

                case '\n':
                    atLineStart = true;
                    break;
            }

            hasCode |= !char.IsWhiteSpace(c);
            current.Append(c);
            i++;
        }

        if (hasCode)
        {
            statements.Add(current.ToString().Trim());
        }

        return statements;
    }

    private static void RejectDelimiter(string sql, int start)
    {
        var lineEnd = sql.IndexOf('\n', start);
        var line = (lineEnd < 0 ? sql[start..] : sql[start..lineEnd]).TrimStart();
        if (line.StartsWith("DELIMITER", StringComparison.OrdinalIgnoreCase) && (line.Length == 9 || char.IsWhiteSpace(line[9])))
        {
            throw new FormatException("DELIMITER is a client command and is not supported; keep scripts DELIMITER-free.");
        }
    }

    /// <summary>The index just past the closing quote; doubled quotes and (outside identifiers) backslashes escape.</summary>
    private static int SkipQuoted(string sql, int start, char quote)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\\' && quote != '`')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        throw new FormatException($"Unterminated {quote} literal starting at offset {start}.");
    }
}
