namespace ProctorWise.Grains.Tests.Notifications;

/// <summary>Notification tests share one cluster and its SMTP server; they run one at a time because some take the server down.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationClusterCollection : ICollectionFixture<NotificationClusterFixture>
{
    public const string Name = nameof(NotificationClusterCollection);
}
