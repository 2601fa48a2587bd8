namespace ProctorWise.Grains.Interfaces.Users;

/// <summary>
/// Counts failed logins for one e-mail address (key: normalised e-mail, known or not, so the
/// answer never tells whether an account exists) and locks it out for a while after too many.
/// </summary>
[Alias("pw.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>How long the address is still locked out, or null when a login may be tried.</summary>
    [Alias("GetLockout")]
    Task<TimeSpan?> GetLockoutAsync();

    /// <summary>Records a failed attempt.</summary>
    [Alias("RecordFailure")]
    Task RecordFailureAsync();

    /// <summary>Forgets the failures after a successful login.</summary>
    [Alias("RecordSuccess")]
    Task RecordSuccessAsync();
}
