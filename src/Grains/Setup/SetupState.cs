namespace ProctorWise.Grains.Setup;

/// <summary>What the setup grain has already done.</summary>
[GenerateSerializer, Alias("pw.setup-state")]
public sealed class SetupState
{
    /// <summary>The bootstrap admin was created (or an admin existed).</summary>
    [Id(0)] public bool BootstrapDone { get; set; }

    /// <summary>The demo data was seeded (or the store was not empty).</summary>
    [Id(1)] public bool DemoDone { get; set; }
}
