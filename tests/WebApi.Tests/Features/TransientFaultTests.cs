using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProctorWise.Api.Hubs;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// What a caller sees of a fault a retry can cure (a silo dying, the database restarting): HTTP 503 with
/// Retry-After and no internals, a hub refusal of kind Transient; and what it sees of a real fault (500).
/// The silo side, a database fault through a gateway, is StorageFaultTests in Persistence.MariaDb.Tests.
/// </summary>
public sealed class TransientFaultTests
{
    public static TheoryData<string> Faults => ["transient", "storage", "wrapped storage", "timeout", "silo"];

    private static Exception Fault(string name) => name switch
    {
        "transient" => new ProctorWiseException(ErrorKind.Transient, StorageUnavailableException.DefaultMessage),
        "storage" => new StorageUnavailableException(),
        "wrapped storage" => new OrleansException("Error from storage provider during ReadState", new StorageUnavailableException()),
        "timeout" => new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request [S127.0.0.1:11111] …"),
        "silo" => new SiloUnavailableException("The target silo became unavailable for message: Request [S127.0.0.1:11111] …"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task HttpAnswers503WithRetryAfterAndNothingOfTheFault(string name)
    {
        var (status, headers, body) = await HandleAsync(Fault(name));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal(TransientFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), headers.RetryAfter.ToString());
        Assert.Equal(TransientFaults.Title, body.GetProperty("title").GetString());
        Assert.DoesNotContain("11111", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("storage provider", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeatureThisServerLacksIs503WithoutRetryAfterAndABugIs500()
    {
        var (lacking, lackingHeaders, _) = await HandleAsync(new ProctorWiseException(ErrorKind.Unavailable, "No face model is installed."));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, lacking);
        Assert.Equal(0, lackingHeaders.RetryAfter.Count);

        var (bug, bugHeaders, body) = await HandleAsync(new InvalidOperationException("Sequence contains no elements"));
        Assert.Equal(StatusCodes.Status500InternalServerError, bug);
        Assert.Equal(0, bugHeaders.RetryAfter.Count);
        Assert.DoesNotContain("Sequence", body.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task AHubCallerIsToldToRetry(string name)
    {
        var filter = new DomainErrorHubFilter(NullLogger<DomainErrorHubFilter>.Instance);
        var refused = await Assert.ThrowsAsync<HubException>(async () => await filter.InvokeMethodAsync(Invocation(), _ => throw Fault(name)));
        Assert.StartsWith($"{ErrorKind.Transient}: ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("11111", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHubBugIsNotDisguisedAsARefusal()
    {
        var filter = new DomainErrorHubFilter(NullLogger<DomainErrorHubFilter>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await filter.InvokeMethodAsync(Invocation(), _ => throw new InvalidOperationException("bug")));
    }

    private static async Task<(int Status, IHeaderDictionary Headers, JsonElement Body)> HandleAsync(Exception exception)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "PUT";
        context.Request.Path = "/api/sessions/s1/answers/q1";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, TestContext.Current.CancellationToken));

        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, context.Response.Headers, json.RootElement.Clone());
    }

    private static HubInvocationContext Invocation() =>
        new(new CallerContext(), new ServiceCollection().BuildServiceProvider(), new TestHub(), typeof(TestHub).GetMethod(nameof(TestHub.Save))!, []);

    private sealed class TestHub : Hub
    {
        public static Task Save() => Task.CompletedTask;
    }

    private sealed class CallerContext : HubCallerContext
    {
        public override string ConnectionId => "connection";

        public override string? UserIdentifier => "student";

        public override ClaimsPrincipal? User => new(new ClaimsIdentity([new Claim("sub", "student")], "test"));

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
