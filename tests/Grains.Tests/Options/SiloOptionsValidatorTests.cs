using ProctorWise.Grains.Domain;
using ProctorWise.Hosting.Silo;

namespace ProctorWise.Grains.Tests.Options;

/// <summary>The silo's own settings (reminders, streams, bootstrap admin, demo data) are refused with the key that holds them.</summary>
public sealed class SiloOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreAccepted()
    {
        Assert.True(new ReminderOptionsValidator().Validate(null, new ReminderOptions()).Succeeded);
        Assert.True(new StreamOptionsValidator().Validate(null, new StreamOptions()).Succeeded);
        Assert.True(new BootstrapOptionsValidator().Validate(null, new BootstrapOptions()).Succeeded);
        Assert.True(new DemoOptionsValidator().Validate(null, new DemoOptions()).Succeeded);
    }

    [Fact]
    public void ANonPositiveReminderMinimumIsRefusedWithTheKey()
    {
        var result = new ReminderOptionsValidator().Validate(null, new ReminderOptions { MinimumReminderPeriod = TimeSpan.Zero });
        Assert.Contains("Reminders:MinimumReminderPeriod is 00:00:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoadingWindowShorterThanTheRefreshPeriodIsRefusedWithBothKeys()
    {
        var options = new ReminderOptions { RefreshReminderListPeriod = TimeSpan.FromMinutes(10), ReminderLoadingWindow = TimeSpan.FromMinutes(5) };
        var result = new ReminderOptionsValidator().Validate(null, options);
        Assert.Contains("Reminders:ReminderLoadingWindow is 00:05:00; it must be at least Reminders:RefreshReminderListPeriod", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:00.0100000")]
    [InlineData("00:01:00")]
    public void APollIntervalOutOfRangeIsRefusedWithTheKey(string value)
    {
        var result = new StreamOptionsValidator().Validate(null, new StreamOptions { PollInterval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains($"Streams:PollInterval is {value}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("root@school.test", null, "Bootstrap:AdminEmail is set but Bootstrap:AdminPassword is not")]
    [InlineData(null, "long-enough", "Bootstrap:AdminPassword is set but Bootstrap:AdminEmail is not")]
    [InlineData("root@school.test", "short", "Bootstrap:AdminPassword has 5 characters")]
    public void AHalfSetOrWeakBootstrapAdminIsRefusedWithTheKey(string? email, string? password, string expected)
    {
        var result = new BootstrapOptionsValidator().Validate(null, new BootstrapOptions { AdminEmail = email, AdminPassword = password });
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDemoSettingsAreRefusedWithTheKey()
    {
        var result = new DemoOptionsValidator().Validate(null, new DemoOptions { Password = "short", FirstSlotDelay = TimeSpan.FromMinutes(-1) });
        Assert.Contains("Demo:Password has 5 characters", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Demo:FirstSlotDelay is -00:01:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBootstrapPasswordRuleIsTheGrainsRule() => Assert.Equal(UserRules.MinPassword, BootstrapOptions.MinPasswordLength);
}
