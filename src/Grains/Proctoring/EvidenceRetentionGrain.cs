using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Proctoring;

/// <inheritdoc cref="IEvidenceRetentionGrain"/>
/// <remarks>
/// Retention counts from a frame's capture, which is at most an exam's length before its session ended. An
/// anomaly whose frame is due stops offering it at once (<see cref="Sessions.EvidenceKeeper"/>), whether or not
/// the sweep has run yet.
/// </remarks>
public sealed partial class EvidenceRetentionGrain(
    IEvidenceStore store,
    IOptions<ExamSessionOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<EvidenceRetentionGrain> logger) : Grain, IEvidenceRetentionGrain, IRemindable
{
    /// <summary>How often the sweep runs.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromHours(1);

    private const string ReminderName = "evidence-sweep";

    public async Task EnsureScheduledAsync()
    {
        if (await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), SweepPeriod);
        }
    }

    public async Task<int> SweepAsync()
    {
        var deleted = await store.DeleteCapturedBeforeAsync(clock.GetUtcNow() - options.Value.EvidenceRetention);
        if (deleted > 0)
        {
            LogSwept(logger, deleted, options.Value.EvidenceRetention);
        }

        return deleted;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence retention: deleted {Count} frames older than {Retention}.")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan retention);
}
