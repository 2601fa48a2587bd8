using System.Collections.Concurrent;

namespace ProctorWise.Lake.Events;

/// <summary>The table of each event type, derived once.</summary>
internal static class LakeEventTables
{
    private static readonly ConcurrentDictionary<Type, LakeTable> s_tables = new();

    public static LakeTable For(Type eventType) => s_tables.GetOrAdd(eventType, LakeTable.For);
}
