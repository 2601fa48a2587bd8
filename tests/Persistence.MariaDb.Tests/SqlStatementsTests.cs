
namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>Splitting the schema scripts into statements.</summary>
public sealed class SqlStatementsTests
{
    [Fact]
    public void SemicolonsInLiteralsAndCommentsDoNotSplit()
    {
        var statements = SqlStatements.Split("""
            -- a comment; not a statement
            CREATE TABLE t (a INT); /* block; comment */
            INSERT INTO t VALUES ('x;y', "a;b", `c;d`);
            # hash comment;
            SELECT 'it''s; fine';
            """);
        Assert.Equal(3, statements.Count);
        Assert.StartsWith("-- a comment", statements[0], StringComparison.Ordinal);
        Assert.Contains("'x;y'", statements[1], StringComparison.Ordinal);
        Assert.EndsWith("'it''s; fine'", statements[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ClientCommandsAndBrokenLiteralsAreRefused()
    {
        Assert.Throws<FormatException>(() => SqlStatements.Split("DELIMITER //\nSELECT 1//"));
        Assert.Throws<FormatException>(() => SqlStatements.Split("SELECT 'unterminated"));
        Assert.Throws<FormatException>(() => SqlStatements.Split("SELECT 1 /* open"));
    }

    [Fact]
    public void TheEmbeddedSchemaHasTheFourScriptsInOrder()
    {
        var scripts = SqlScript.MariaDbSchema();
        Assert.Equal(["001-main.sql", "002-clustering.sql", "003-persistence.sql", "004-reminders.sql"], scripts.Select(s => s.Name));
        Assert.All(scripts, s => Assert.Contains("10.4.2", s.Sql, StringComparison.Ordinal));
        Assert.All(scripts, s => Assert.NotEmpty(SqlStatements.Split(s.Sql)));
    }
}
