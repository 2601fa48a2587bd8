using System.Collections.Frozen;

namespace ProctorWise.Analytics.Portability;

/// <summary>
/// Rejects SQL that would not run unchanged on both DuckDB and Spark SQL 3.5+: DuckDB or Spark syntax
/// (<c>QUALIFY</c>, <c>GROUP BY ALL</c>, <c>::</c> casts, list and struct literals, backticks, double-quoted
/// identifiers, star modifiers, lambdas, <c>INTERVAL</c> literals whose syntax differs), more than one statement,
/// a CAST to a type name only one engine knows, and any function outside <see cref="AllowedFunctions"/>, the ones
/// both engines have with the same meaning. Comments and string literals are not looked into; the catalog's
/// <c>{{parameter}}</c> placeholders are allowed.
/// </summary>
public static class PortableSqlLint
{
    /// <summary>Functions both engines support with the same arguments and result (checked against both manuals).</summary>
    public static FrozenSet<string> AllowedFunctions { get; } = new[]
    {
        // aggregates
        "count", "sum", "avg", "min", "max", "stddev_samp", "percentile_cont", "array_agg",
        // window functions
        "row_number", "rank", "dense_rank", "lag", "lead",
        // scalars
        "coalesce", "nullif", "abs", "round", "floor", "ceil", "sqrt", "exp", "ln", "greatest", "least",
        "lower", "upper", "lpad", "length", "concat", "hour", "year", "month", "day", "array_sort",
        // CAST is written like a function
        "cast",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Type names both engines accept in a CAST.</summary>
    public static FrozenSet<string> AllowedTypes { get; } = new[]
    {
        "STRING", "TIMESTAMP", "DATE", "DOUBLE", "INT", "BIGINT", "BOOLEAN",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that can stand before "(" without being a function call.
    private static readonly FrozenSet<string> s_keywordsBeforeParenthesis = new[]
    {
        "select", "from", "join", "on", "and", "or", "not", "in", "exists", "when", "then", "else", "as", "over",
        "within", "group", "filter", "by", "where", "having", "union", "all", "distinct", "using", "case", "end",
        "lateral", "values", "is", "between", "like", "with", "partition", "order", "asc", "desc",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> s_bannedWords = new Dictionary<string, string>
    {
        ["qualify"] = "QUALIFY is DuckDB's; filter a window function's result in an outer SELECT",
        ["exclude"] = "SELECT * EXCLUDE is DuckDB's; list the columns",
        ["replace"] = "SELECT * REPLACE is DuckDB's; list the columns",
        ["interval"] = "INTERVAL literals are written differently on each engine; compare *_epoch seconds instead",
        ["pivot"] = "PIVOT syntax differs between the engines; aggregate with CASE",
        ["unpivot"] = "UNPIVOT syntax differs between the engines; use UNION ALL",
        ["struct"] = "struct types and literals differ between the engines",
        ["map"] = "map types and literals differ between the engines",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The findings for <paramref name="sql"/>, in order; empty when it ports. <paramref name="parameters"/> are the
    /// placeholders it may use (the job parameters when null; reports have their own, bound by the engine).
    /// </summary>
    public static IReadOnlyList<LintFinding> Check(string sql, IReadOnlyCollection<string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var findings = new List<LintFinding>();
        var tokens = Tokenize(sql, findings, parameters ?? JobQuery.Parameters);
        var first = tokens.FirstOrDefault(t => t.Kind == TokenKind.Word);
        if (first is null || !(Is(first, "select") || Is(first, "with")))
        {
            findings.Add(new(first?.Line ?? 1, "a job query is one SELECT (or WITH … SELECT); FROM-first and other statements are DuckDB's or not queries"));
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            switch (token.Kind)
            {
                case TokenKind.Word when s_bannedWords.TryGetValue(token.Text, out var reason):
                    findings.Add(new(token.Line, reason));
                    break;
                case TokenKind.Word when (Is(token, "group") || Is(token, "order")) && next is not null && Is(next, "by")
                    && i + 2 < tokens.Count && Is(tokens[i + 2], "all"):
                    findings.Add(new(token.Line, $"{token.Text.ToUpperInvariant()} BY ALL is DuckDB's; name the columns"));
                    break;
                case TokenKind.Word when Is(token, "distinct") && next is not null && Is(next, "on"):
                    findings.Add(new(token.Line, "DISTINCT ON is DuckDB's; keep row_number() = 1 in an outer SELECT"));
                    break;
                case TokenKind.Word when next is { Kind: TokenKind.Symbol, Text: "(" } && !s_keywordsBeforeParenthesis.Contains(token.Text):
                    if (!AllowedFunctions.Contains(token.Text))
                    {
                        findings.Add(new(token.Line, $"function '{token.Text}' is not on the list both engines support (PortableSqlLint.AllowedFunctions)"));
                    }
                    else if (Is(token, "cast"))
                    {
                        CheckCastType(tokens, i + 1, findings);
                    }

                    break;
                case TokenKind.Symbol:
                    CheckSymbol(token, findings);
                    break;
                default:
                    break;
            }
        }

        return findings;
    }

    private static void CheckSymbol(Token token, List<LintFinding> findings)
    {
        var reason = token.Text switch
        {
            "::" => ":: casts are DuckDB's; write CAST(x AS type)",
            "[" or "]" => "list literals and [] indexing differ between the engines",
            "{" or "}" => "struct literals are DuckDB's",
            "`" => "backticks quote identifiers in Spark only; use plain snake_case names",
            "\"" => "double quotes are identifiers in DuckDB but strings in Spark; use plain snake_case names",
            ";" => "one SELECT per file, without a semicolon",
            "->" or "=>" => "lambdas and named arguments differ between the engines",
            "//" => "// is DuckDB's integer division; use floor(a / b)",
            "**" => "** is DuckDB's power operator",
            "==" => "write = for equality",
            _ => null,
        };
        if (reason is not null)
        {
            findings.Add(new(token.Line, reason));
        }
    }

    // The type of CAST(expr AS type) is the word after the last AS at the parenthesis' own depth.
    private static void CheckCastType(List<Token> tokens, int open, List<LintFinding> findings)
    {
        var depth = 0;
        Token? type = null;
        for (var j = open; j < tokens.Count; j++)
        {
            var token = tokens[j];
            if (token.Kind == TokenKind.Symbol && token.Text == "(")
            {
                depth++;
            }
            else if (token.Kind == TokenKind.Symbol && token.Text == ")")
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (depth == 1 && Is(token, "as") && j + 1 < tokens.Count)
            {
                type = tokens[j + 1];
            }
        }

        if (type is null || type.Kind != TokenKind.Word || !AllowedTypes.Contains(type.Text))
        {
            findings.Add(new(type?.Line ?? tokens[open].Line,
                $"CAST to '{type?.Text}' is not portable; use one of {string.Join(", ", AllowedTypes.Order(StringComparer.Ordinal))}"));
        }
    }

    private static bool Is(Token token, string word) =>
        token.Kind == TokenKind.Word && string.Equals(token.Text, word, StringComparison.OrdinalIgnoreCase);

    private static List<Token> Tokenize(string sql, List<LintFinding> findings, IReadOnlyCollection<string> parameters)
    {
        var tokens = new List<Token>();
        var line = 1;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? sql.Length : end + 2;
                line += sql.AsSpan(i, stop - i).Count('\n');
                i = stop;
            }
            else if (c == '\'')
            {
                // A string literal, '' being a quote inside it; its content is never code.
                var startLine = line;
                i++;
                while (i < sql.Length && !(sql[i] == '\'' && At(sql, i + 1) != '\''))
                {
                    line += sql[i] == '\n' ? 1 : 0;
                    i += sql[i] == '\'' ? 2 : 1;
                }

                if (i >= sql.Length)
                {
                    findings.Add(new(startLine, "unterminated string literal"));
                }

                i++;
                tokens.Add(new(TokenKind.Literal, "'…'", startLine));
            }
            else if (c == '{' && At(sql, i + 1) == '{')
            {
                var end = sql.IndexOf("}}", i, StringComparison.Ordinal);
                var placeholder = end < 0 ? sql[i..] : sql[i..(end + 2)];
                if (!parameters.Contains(placeholder))
                {
                    findings.Add(new(line, $"unknown parameter {placeholder}; known: {string.Join(", ", parameters)}"));
                }

                tokens.Add(new(TokenKind.Literal, placeholder, line));
                i += placeholder.Length;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(TokenKind.Word, sql[start..i], line));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < sql.Length && (char.IsDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new(TokenKind.Literal, sql[start..i], line));
            }
            else
            {
                var two = i + 1 < sql.Length ? sql.Substring(i, 2) : null;
                var symbol = two is "::" or "->" or "=>" or "//" or "**" or "==" or "<=" or ">=" or "<>" or "!=" or "||" ? two : c.ToString();
                tokens.Add(new(TokenKind.Symbol, symbol, line));
                i += symbol.Length;
            }
        }

        return tokens;
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private enum TokenKind
    {
        Word,
        Literal,
        Symbol,
    }

    private sealed record Token(TokenKind Kind, string Text, int Line);
}
