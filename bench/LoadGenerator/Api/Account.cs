namespace ProctorWise.LoadGenerator.Api;

/// <summary>A signed-in user of the load test.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Email">The login.</param>
/// <param name="Token">The bearer token (valid two hours by default, longer than any run).</param>
internal sealed record Account(string Id, string Email, string Token);
