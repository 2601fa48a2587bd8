using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// Maps event types to stable aliases written in the <see cref="KafkaStreamHeaders.EventType"/> header. Aliases
/// keep records readable by other services and survive renames of CLR types. Only registered concrete types
/// can be published or received; a subscriber of a base type (for example an abstract <c>RoomEvent</c>)
/// receives every registered subtype.
/// </summary>
public sealed class KafkaEventTypeRegistry
{
    private readonly Dictionary<string, Type> _typesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _aliasesByType = [];

    /// <summary>The number of registered types.</summary>
    public int Count => _typesByAlias.Count;

    /// <summary>The registered aliases and their types.</summary>
    public IReadOnlyDictionary<string, Type> Types => _typesByAlias;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="alias"/>.</summary>
    /// <typeparam name="T">A concrete event type, serializable with System.Text.Json.</typeparam>
    /// <param name="alias">The stable name written in the record header, for example <c>alert-raised</c>.</param>
    /// <returns>This registry, for chaining.</returns>
    public KafkaEventTypeRegistry Add<T>(string alias) => Add(typeof(T), alias);

    /// <summary>
    /// Registers <typeparamref name="T"/> under the alias of its Orleans <see cref="AliasAttribute"/>
    /// (for example <c>[Alias("pw.alert-raised")]</c>), which is already a stable, versioned name.
    /// </summary>
    /// <typeparam name="T">A concrete event type carrying <see cref="AliasAttribute"/>.</typeparam>
    /// <returns>This registry, for chaining.</returns>
    public KafkaEventTypeRegistry Add<T>()
    {
        // Not inherited: a derived event must not borrow its base type's alias.
        var alias = typeof(T).GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias
            ?? throw new ArgumentException($"Type {typeof(T).FullName} has no [Alias] attribute; call Add<{typeof(T).Name}>(\"alias\") instead.");
        return Add<T>(alias);
    }

    /// <summary>Registers <paramref name="type"/> under <paramref name="alias"/>.</summary>
    /// <param name="type">A concrete event type, serializable with System.Text.Json.</param>
    /// <param name="alias">The stable name written in the record header.</param>
    /// <returns>This registry, for chaining.</returns>
    public KafkaEventTypeRegistry Add(Type type, string alias)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        if (type.IsAbstract || type.IsInterface)
        {
            throw new ArgumentException($"Event type {type.FullName} is abstract; register its concrete subtypes.", nameof(type));
        }

        if (_typesByAlias.TryGetValue(alias, out var existing) && existing != type)
        {
            throw new ArgumentException($"Alias '{alias}' is already registered for {existing.FullName}.", nameof(alias));
        }

        if (_aliasesByType.TryGetValue(type, out var existingAlias) && existingAlias != alias)
        {
            throw new ArgumentException($"Type {type.FullName} is already registered as '{existingAlias}'.", nameof(type));
        }

        _typesByAlias[alias] = type;
        _aliasesByType[type] = alias;
        return this;
    }

    /// <summary>Finds the type registered under <paramref name="alias"/>.</summary>
    /// <param name="alias">The header value.</param>
    /// <param name="type">The registered type.</param>
    /// <returns>Whether the alias is registered.</returns>
    public bool TryGetType(string alias, [NotNullWhen(true)] out Type? type) => _typesByAlias.TryGetValue(alias, out type);

    /// <summary>Finds the alias of exactly <paramref name="type"/> (base types are not searched: a subtype needs its own alias).</summary>
    /// <param name="type">The event's runtime type.</param>
    /// <param name="alias">The registered alias.</param>
    /// <returns>Whether the type is registered.</returns>
    public bool TryGetAlias(Type type, [NotNullWhen(true)] out string? alias) => _aliasesByType.TryGetValue(type, out alias);
}
