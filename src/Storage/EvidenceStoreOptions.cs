namespace ProctorWise.Storage;

/// <summary>Where evidence frames are written (configuration section <c>Evidence</c>).</summary>
public sealed class EvidenceStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Evidence";

    /// <summary>
    /// The folder. With several silos it must be one shared volume (every silo reads what another wrote).
    /// Default: the user's local application data folder, <c>ProctorWise/evidence</c>.
    /// </summary>
    public string Path { get; set; } = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "ProctorWise", "evidence");
}
