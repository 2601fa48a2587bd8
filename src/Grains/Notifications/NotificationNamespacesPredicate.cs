using Orleans.Streams;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Grains.Notifications;

/// <summary>The fact namespaces that notifications come from; every silo rebuilds it from its type name.</summary>
public sealed class NotificationNamespacesPredicate : IStreamNamespacePredicate
{
    private static readonly string[] s_namespaces =
        [StreamNamespaces.Exams, StreamNamespaces.Bookings, StreamNamespaces.Sessions, StreamNamespaces.Submissions, StreamNamespaces.Analytics];

    /// <inheritdoc/>
    public string PredicatePattern { get; } = ConstructorStreamNamespacePredicateProvider.FormatPattern(typeof(NotificationNamespacesPredicate), null);

    /// <inheritdoc/>
    public bool IsMatch(string streamNamespace) => s_namespaces.Contains(streamNamespace, StringComparer.Ordinal);
}
