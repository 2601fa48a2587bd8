using Orleans.Streams;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Grains.Lake;

/// <summary>
/// Matches the fact namespaces (<see cref="StreamNamespaces.Facts"/>), so the lake's subscription follows that list
/// instead of repeating it in attributes. Every silo rebuilds it from its type name.
/// </summary>
public sealed class FactNamespacesPredicate : IStreamNamespacePredicate
{
    /// <inheritdoc/>
    public string PredicatePattern { get; } = ConstructorStreamNamespacePredicateProvider.FormatPattern(typeof(FactNamespacesPredicate), null);

    /// <inheritdoc/>
    public bool IsMatch(string streamNamespace) => StreamNamespaces.Facts.Contains(streamNamespace, StringComparer.Ordinal);
}
