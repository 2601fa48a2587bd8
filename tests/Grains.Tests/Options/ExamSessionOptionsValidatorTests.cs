using Microsoft.Extensions.Options;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Tests.Options;

/// <summary>Session timings that would misbehave are refused with the key that holds them.</summary>
public sealed class ExamSessionOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(ExamSessionOptions options, ReminderOptions? reminders = null) =>
        new ExamSessionOptionsValidator(Microsoft.Extensions.Options.Options.Create(reminders ?? new ReminderOptions())).Validate(null, options);

    [Fact]
    public void TheDefaultsAreAccepted() => Assert.True(Validate(new ExamSessionOptions()).Succeeded);

    [Fact]
    public void ADeadlineReminderFasterThanOrleansAllowsIsRefusedWithTheKey()
    {
        var result = Validate(new ExamSessionOptions { DeadlineReminderPeriod = TimeSpan.FromSeconds(10) });
        Assert.True(result.Failed);
        Assert.Contains("Sessions:DeadlineReminderPeriod is 00:00:10; it must be at least 00:01:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDeadlineReminderMayBeAsShortAsTheConfiguredReminderMinimum()
    {
        var reminders = new ReminderOptions { MinimumReminderPeriod = TimeSpan.FromSeconds(1) };
        Assert.True(Validate(new ExamSessionOptions { DeadlineReminderPeriod = TimeSpan.FromSeconds(2) }, reminders).Succeeded);
    }

    [Theory]
    [InlineData(nameof(ExamSessionOptions.TickInterval), "00:00:00")]
    [InlineData(nameof(ExamSessionOptions.TickInterval), "-00:00:01")]
    [InlineData(nameof(ExamSessionOptions.EvidenceRetention), "00:00:00")]
    public void NonPositiveDurationsAreRefusedWithTheKey(string property, string value)
    {
        var options = new ExamSessionOptions();
        typeof(ExamSessionOptions).GetProperty(property)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        var result = Validate(options);
        Assert.True(result.Failed);
        Assert.Contains($"Sessions:{property} is {value}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeEvidenceCountIsRefusedButZeroIsAllowed()
    {
        var result = Validate(new ExamSessionOptions { MaxEvidencePerSession = -1 });
        Assert.Contains("Sessions:MaxEvidencePerSession is -1", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(Validate(new ExamSessionOptions { MaxEvidencePerSession = 0 }).Succeeded);
    }
}
