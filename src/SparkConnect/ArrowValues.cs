using Apache.Arrow;
using Apache.Arrow.Types;

namespace ProctorWise.SparkConnect;

/// <summary>
/// Reads one value of an Arrow column as a .NET value: strings, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="decimal"/>, <see cref="DateOnly"/> (DATE),
/// <see cref="DateTimeOffset"/> in UTC (TIMESTAMP, microseconds since the epoch), <c>string[]</c> (arrays), or null.
/// </summary>
public static class ArrowValues
{
    /// <summary>The value at <paramref name="index"/>.</summary>
    public static object? Get(IArrowArray array, int index)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.IsNull(index))
        {
            return null;
        }

        return array switch
        {
            StringArray strings => strings.GetString(index),
            Int32Array ints => ints.GetValue(index),
            Int64Array longs => longs.GetValue(index),
            Int16Array shorts => (int)shorts.GetValue(index)!.Value,
            Int8Array bytes => (int)bytes.GetValue(index)!.Value,
            DoubleArray doubles => doubles.GetValue(index),
            FloatArray floats => (double)floats.GetValue(index)!.Value,
            BooleanArray booleans => booleans.GetValue(index),
            Decimal128Array decimals => decimals.GetValue(index),
            Date32Array dates => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + dates.Values[index]),
            TimestampArray timestamps => Timestamp(timestamps, index),
            ListArray list => List(list, index),
            BinaryArray binary => binary.GetBytes(index).ToArray(),
            _ => throw new NotSupportedException($"Arrow type {array.Data.DataType.Name} is not read by this client."),
        };
    }

    private static DateTimeOffset Timestamp(TimestampArray array, int index)
    {
        var type = (TimestampType)array.Data.DataType;
        var value = array.Values[index];
        var ticks = type.Unit switch
        {
            TimeUnit.Second => value * TimeSpan.TicksPerSecond,
            TimeUnit.Millisecond => value * TimeSpan.TicksPerMillisecond,
            TimeUnit.Microsecond => value * 10,
            TimeUnit.Nanosecond => value / 100,
            _ => throw new NotSupportedException($"Timestamp unit {type.Unit}."),
        };
        return new DateTimeOffset(DateTime.UnixEpoch.Ticks + ticks, TimeSpan.Zero);
    }

    private static string?[] List(ListArray list, int index)
    {
        var start = list.ValueOffsets[index];
        var end = list.ValueOffsets[index + 1];
        var values = new string?[end - start];
        for (var i = start; i < end; i++)
        {
            values[i - start] = Get(list.Values, i)?.ToString();
        }

        return values;
    }
}
