using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Infrastructure;

/// <summary>API tests share one host; each creates its own users and exams.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = nameof(ApiCollection);
}
