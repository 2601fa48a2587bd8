namespace ProctorWise.Hosting;

/// <summary>
/// Who reads the check lines of <c>/health/ready</c> (configuration section <c>Health</c>). Their
/// descriptions name file paths, hosts and ports, which are for operators, not for whoever can reach a probe.
/// </summary>
public sealed class HealthEndpointOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Health";

    /// <summary>
    /// Show each check's line to every caller (silos have no sign-in, so this is how an operator sees them
    /// there); when unset, on in Development and off elsewhere. Otherwise probes get the status only, and
    /// an API process shows the lines to a signed-in admin.
    /// </summary>
    public bool? PublicDetails { get; set; }

    /// <summary>
    /// How long the admin health grid (<c>GET /api/admin/readiness</c>) waits for one silo to run its checks before
    /// showing it unhealthy as unreachable, so one stuck silo cannot hold up the grid. 10 s unless set.
    /// </summary>
    public TimeSpan SiloReadinessTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
