namespace ProctorWise.Grains.Interfaces.Setup;

/// <summary>How to seed the demo data.</summary>
/// <param name="Password">The password of every demo account.</param>
/// <param name="FirstSlotDelay">How long after start-up the first demo slot opens.</param>
[GenerateSerializer, Immutable, Alias("pw.demo-data-request")]
public sealed record class DemoDataRequest(string Password, TimeSpan FirstSlotDelay)
{
    /// <inheritdoc/>
    public override string ToString() => $"DemoDataRequest {{ FirstSlotDelay = {FirstSlotDelay} }}";
}
