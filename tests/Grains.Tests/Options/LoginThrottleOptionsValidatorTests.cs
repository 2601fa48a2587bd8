using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Tests.Options;

/// <summary>A throttle that could never lock or never unlock is refused with the key that holds it.</summary>
public sealed class LoginThrottleOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreAccepted() => Assert.True(new LoginThrottleOptionsValidator().Validate(null, new LoginThrottleOptions()).Succeeded);

    [Theory]
    [InlineData(0, 900, 900, "LoginThrottle:MaxFailures is 0")]
    [InlineData(-3, 900, 900, "LoginThrottle:MaxFailures is -3")]
    [InlineData(5, 0, 900, "LoginThrottle:Window is 00:00:00")]
    [InlineData(5, 900, -1, "LoginThrottle:Lockout is -00:00:01")]
    public void BadValuesAreRefusedWithTheKey(int maxFailures, int windowSeconds, int lockoutSeconds, string expected)
    {
        var options = new LoginThrottleOptions
        {
            MaxFailures = maxFailures,
            Window = TimeSpan.FromSeconds(windowSeconds),
            Lockout = TimeSpan.FromSeconds(lockoutSeconds),
        };
        var result = new LoginThrottleOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
