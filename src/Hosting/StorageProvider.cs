namespace ProctorWise.Hosting;

/// <summary>Where membership, grain state and reminders live.</summary>
public enum StorageProvider
{
    /// <summary>In the silo's memory, on localhost clustering (embedded mode).</summary>
    Memory,

    /// <summary>MariaDB through the Orleans ADO.NET providers (<c>ConnectionStrings:MariaDb</c> set).</summary>
    MariaDb,
}
