namespace ProctorWise.Persistence.MariaDb;

/// <summary>A schema statement failed; names the script and statement.</summary>
public sealed class SchemaMigrationException : Exception
{
    /// <summary>Creates the error.</summary>
    public SchemaMigrationException(string script, int statementNumber, string statement, Exception inner)
        : base($"Schema script '{script}', statement #{statementNumber} failed: {inner.Message}{Environment.NewLine}{(statement.Length <= 400 ? statement : statement[..400] + " …")}", inner)
    {
        Script = script;
        StatementNumber = statementNumber;
    }

    /// <summary>Creates an empty error.</summary>
    public SchemaMigrationException()
    {
        Script = string.Empty;
    }

    /// <summary>Creates an error with a message.</summary>
    public SchemaMigrationException(string message)
        : base(message)
    {
        Script = string.Empty;
    }

    /// <summary>Creates an error wrapping another.</summary>
    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Script = string.Empty;
    }

    /// <summary>The script.</summary>
    public string Script { get; }

    /// <summary>The 1-based statement number in the script.</summary>
    public int StatementNumber { get; }
}
