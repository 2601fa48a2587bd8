using Parquet.Schema;

namespace ProctorWise.Lake.Events;

/// <summary>One column of a lake table: its name, type, whether it may be null, and how a row gives its value.</summary>
/// <param name="Name">The column name (snake_case).</param>
/// <param name="Kind">The Parquet type.</param>
/// <param name="IsNullable">An optional column (a nullable property); required otherwise.</param>
/// <param name="Value">The value of a row, already converted to the column's CLR type (string, int, long, double, bool, UTC DateTime) or null.</param>
internal sealed record class LakeColumn(string Name, LakeColumnKind Kind, bool IsNullable, Func<object, object?> Value)
{
    /// <summary>The Parquet field.</summary>
    public DataField Field { get; } = Kind switch
    {
        LakeColumnKind.Timestamp => new DateTimeDataField(Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: IsNullable),
        LakeColumnKind.String => new DataField(Name, typeof(string), isNullable: IsNullable),
        LakeColumnKind.Int32 => new DataField(Name, typeof(int), isNullable: IsNullable),
        LakeColumnKind.Int64 => new DataField(Name, typeof(long), isNullable: IsNullable),
        LakeColumnKind.Double => new DataField(Name, typeof(double), isNullable: IsNullable),
        LakeColumnKind.Boolean => new DataField(Name, typeof(bool), isNullable: IsNullable),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Not a lake column kind."),
    };

    /// <summary>The type as docs/lake.md writes it (<c>string</c>, <c>int32?</c>, …; '?' marks an optional column).</summary>
    public string TypeName => Kind switch
    {
        LakeColumnKind.Timestamp => "timestamp",
        _ => Kind.ToString().ToLowerInvariant(),
    } + (IsNullable ? "?" : "");
}
