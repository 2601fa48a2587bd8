namespace ProctorWise.Analytics;

/// <summary>One column of a raw event type, as the lake writes it (snake_case of the record property).</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">Its type.</param>
public sealed record InputColumn(string Name, ColumnType Type)
{
    /// <summary>The type's name in a portable CAST.</summary>
    public string SqlType => Type switch
    {
        ColumnType.Text => "STRING",
        ColumnType.Timestamp => "TIMESTAMP",
        ColumnType.Fractional => "DOUBLE",
        ColumnType.Integral => "INT",
        ColumnType.Logical => "BOOLEAN",
        _ => throw new InvalidOperationException($"Unknown column type {Type}."),
    };
}
