using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace ProctorWise.Streaming.Kafka.Serialization;

/// <summary>The default event-id selector: a public readable <c>EventId</c> property, formatted invariantly.</summary>
internal static class EventIdAccessor
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> s_properties = new();

    public static string? Read(object evt)
    {
        var property = s_properties.GetOrAdd(evt.GetType(),
            static type => type.GetProperty("EventId", BindingFlags.Public | BindingFlags.Instance) is { CanRead: true, } p && p.GetIndexParameters().Length == 0 ? p : null);
        return property?.GetValue(evt) switch
        {
            null => null,
            Guid guid when guid == Guid.Empty => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }
}
