namespace ProctorWise.Grains.Users;

/// <summary>The persisted claim of one e-mail address.</summary>
[GenerateSerializer, Alias("pw.email-index-state")]
public sealed class EmailIndexState
{
    /// <summary>The account that owns (or is being created for) the address.</summary>
    [Id(0)] public string? UserId { get; set; }
}
