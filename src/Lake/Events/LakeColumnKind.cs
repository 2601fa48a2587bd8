namespace ProctorWise.Lake.Events;

/// <summary>The Parquet physical types the lake uses (docs/lake.md, column convention).</summary>
internal enum LakeColumnKind
{
    /// <summary>UTF8 string (string, Guid, enum).</summary>
    String,

    /// <summary>INT32.</summary>
    Int32,

    /// <summary>INT64.</summary>
    Int64,

    /// <summary>DOUBLE (double and decimal).</summary>
    Double,

    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>INT64 timestamp, microseconds, adjusted to UTC (DateTimeOffset).</summary>
    Timestamp,
}
