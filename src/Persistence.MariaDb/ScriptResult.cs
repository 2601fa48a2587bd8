namespace ProctorWise.Persistence.MariaDb;

/// <summary>What happened to one script.</summary>
/// <param name="Name">The script.</param>
/// <param name="Checksum">Its checksum.</param>
/// <param name="Applied">False when skipped as unchanged.</param>
/// <param name="Statements">Statements executed.</param>
/// <param name="Elapsed">Time taken.</param>
internal sealed record ScriptResult(string Name, string Checksum, bool Applied, int Statements, TimeSpan Elapsed);
