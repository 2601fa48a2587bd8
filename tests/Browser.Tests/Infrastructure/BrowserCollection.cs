namespace ProctorWise.Browser.Tests.Infrastructure;

/// <summary>Browser tests share the app and the browser; each uses its own accounts and exam.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = nameof(BrowserCollection);
}
