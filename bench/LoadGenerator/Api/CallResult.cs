namespace ProctorWise.LoadGenerator.Api;

/// <summary>The outcome of one load call: its HTTP status (<see cref="ApiClient.NoResponse"/> when none came) and body.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The response body, empty when there was none.</param>
internal readonly record struct CallResult(int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
