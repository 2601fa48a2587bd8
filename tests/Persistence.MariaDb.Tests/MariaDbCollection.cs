namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>Integration tests share one MariaDB server; each uses its own Orleans service id.</summary>
[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<MariaDbServer>
{
    public const string Name = nameof(MariaDbCollection);
}
