namespace ProctorWise.Api.Hosting;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and the API reference page (<c>/scalar/v1</c>)
/// (configuration section <c>ApiReference</c>). They map every route for whoever asks, so a production
/// deployment serves them only when an operator chooses to.
/// </summary>
public sealed class ApiReferenceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ApiReference";

    /// <summary>Serve both; when unset, on in Development and off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether they are served in <paramref name="environment"/>.</summary>
    public bool IsEnabledIn(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}
