using ProctorWise.Analytics.Portability;

namespace ProctorWise.Analytics.Tests;

/// <summary>The portability lint, on every job file and on what it must reject.</summary>
public sealed class PortableSqlLintTests
{
    public static TheoryData<string> JobFiles() => [.. JobCatalog.AllQueries.Select(q => q.ResourcePath)];

    [Theory]
    [MemberData(nameof(JobFiles))]
    public void EveryJobFilePorts(string path)
    {
        var query = JobCatalog.AllQueries.Single(q => q.ResourcePath == path);

        Assert.Empty(PortableSqlLint.Check(query.Template));
        Assert.Empty(PortableSqlLint.Check(query.Sql(AnalyticsPeriod.Parse(PeriodKind.Monthly, "2026-12"))));
    }

    [Fact]
    public void EveryFileUnderJobsIsInTheCatalog()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Analytics", "Jobs");
        var files = Directory.GetFiles(folder, "*.sql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, JobCatalog.AllQueries.Select(q => q.ResourcePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheEmptyInputViewsPort()
    {
        Assert.All(InputCatalog.All.Values, input => Assert.Empty(PortableSqlLint.Check(input.EmptyViewSql())));
    }

    [Fact]
    public void InputViewsPortApartFromTheEngineSuppliedParts()
    {
        // The engine supplies the file-reading relation and the epoch conversion; the rest of the view must port.
        Assert.All(InputCatalog.All.Values, input => Assert.Empty(PortableSqlLint.Check(
            input.ViewSql("raw_files", input.Columns.Select(c => c.Name).ToHashSet(), column => $"floor({column}_seconds)"))));
    }

    [Theory]
    [InlineData("SELECT a FROM t QUALIFY row_number() OVER (ORDER BY a) = 1", "QUALIFY")]
    [InlineData("SELECT a, count(*) FROM t GROUP BY ALL", "GROUP BY ALL")]
    [InlineData("SELECT a FROM t ORDER BY ALL", "ORDER BY ALL")]
    [InlineData("SELECT a::INT FROM t", ":: casts")]
    [InlineData("SELECT [1, 2] AS l", "list literals")]
    [InlineData("SELECT l[1] FROM t", "list literals")]
    [InlineData("SELECT {'a': 1} AS s", "struct literals")]
    [InlineData("SELECT `a` FROM t", "backticks")]
    [InlineData("SELECT \"a\" FROM t", "double quotes")]
    [InlineData("SELECT epoch(ts) FROM t", "function 'epoch'")]
    [InlineData("SELECT unix_seconds(ts) FROM t", "function 'unix_seconds'")]
    [InlineData("SELECT percentile_approx(a, 0.5) FROM t", "function 'percentile_approx'")]
    [InlineData("SELECT approx_quantile(a, 0.5) FROM t", "function 'approx_quantile'")]
    [InlineData("SELECT list_value(1, 2)", "function 'list_value'")]
    [InlineData("SELECT collect_list(a) FROM t", "function 'collect_list'")]
    [InlineData("SELECT date_diff('second', a, b) FROM t", "function 'date_diff'")]
    [InlineData("SELECT * EXCLUDE (a) FROM t", "EXCLUDE")]
    [InlineData("SELECT COLUMNS('a.*') FROM t", "function 'COLUMNS'")]
    [InlineData("SELECT DISTINCT ON (a) a, b FROM t", "DISTINCT ON")]
    [InlineData("SELECT a + INTERVAL 1 DAY FROM t", "INTERVAL")]
    [InlineData("SELECT CAST(a AS VARCHAR) FROM t", "CAST to 'VARCHAR'")]
    [InlineData("SELECT CAST(a AS HUGEINT) FROM t", "CAST to 'HUGEINT'")]
    [InlineData("SELECT a // 2 FROM t", "integer division")]
    [InlineData("SELECT a FROM t; SELECT b FROM u", "one SELECT per file")]
    [InlineData("FROM t SELECT a", "one SELECT")]
    [InlineData("SELECT list_transform(l, x -> x + 1) FROM t", "lambdas")]
    [InlineData("SELECT a FROM t WHERE b = {{today}}", "unknown parameter")]
    public void WhatDoesNotPortIsRejected(string sql, string expected)
    {
        var findings = PortableSqlLint.Check(sql);

        Assert.Contains(findings, f => f.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CommentsAndStringsAreNotCode()
    {
        const string Sql = """
            -- QUALIFY, GROUP BY ALL and epoch(x) in a comment are fine
            /* so are `backticks` and [lists] */
            SELECT 'a::b [c] "d"' AS text, count(*) AS n
            FROM t
            WHERE s = 'it''s QUALIFY'
            """;

        Assert.Empty(PortableSqlLint.Check(Sql));
    }

    [Fact]
    public void FindingsCarryTheirLine()
    {
        var finding = Assert.Single(PortableSqlLint.Check("SELECT a\nFROM t\nWHERE epoch(b) > 0"));

        Assert.Equal(3, finding.Line);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProctorWise.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
