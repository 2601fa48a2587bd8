namespace ProctorWise.Grains.Analytics.Reading;

/// <summary>The values of <see cref="Interfaces.Analytics.FigureSource.Source"/>.</summary>
internal static class Sources
{
    /// <summary>Grains, now.</summary>
    public const string Live = "live";

    /// <summary>Catalog reports over the raw zone: as fresh as the lake writer's last flush.</summary>
    public const string Lake = "lake";

    /// <summary>A job's written output.</summary>
    public const string LastRun = "last_run";
}
