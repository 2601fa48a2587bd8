namespace ProctorWise.Analytics;

/// <summary>
/// The types of raw-zone columns, each with a name both engines accept in a CAST (the lake's mapping:
/// DateTimeOffset → UTC timestamp, decimal/double → DOUBLE, int → INT32, bool → BOOLEAN, Guid/string/enum → string).
/// </summary>
public enum ColumnType
{
    /// <summary>Text (ids, enum names in snake_case).</summary>
    Text = 0,

    /// <summary>A UTC instant, exposed to the jobs as a TIMESTAMP without time zone read in UTC.</summary>
    Timestamp = 1,

    /// <summary>A double-precision number.</summary>
    Fractional = 2,

    /// <summary>A 32-bit integer.</summary>
    Integral = 3,

    /// <summary>A boolean.</summary>
    Logical = 4,
}
