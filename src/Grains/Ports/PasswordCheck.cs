namespace ProctorWise.Grains.Ports;

/// <summary>The result of a password check.</summary>
public enum PasswordCheck
{
    /// <summary>Wrong password.</summary>
    Failed = 0,

    /// <summary>Right password.</summary>
    Success = 1,

    /// <summary>Right password, but the hash uses old parameters and should be replaced.</summary>
    SuccessRehashNeeded = 2,
}
