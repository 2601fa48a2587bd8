using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Users;

/// <inheritdoc cref="ILoginThrottleGrain"/>
/// <remarks>
/// Kept in memory on purpose: losing the counters on a restart only gives an attacker a few more
/// tries, and a write per failed login would let them load the database instead.
/// </remarks>
public sealed class LoginThrottleGrain(IOptions<LoginThrottleOptions> options, [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, ILoginThrottleGrain
{
    private readonly Queue<DateTimeOffset> _failures = new();
    private DateTimeOffset? _lockedUntil;

    public Task<TimeSpan?> GetLockoutAsync()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(_lockedUntil is { } until && until > now ? until - now : (TimeSpan?)null);
    }

    public Task RecordFailureAsync()
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        _failures.Enqueue(now);
        while (_failures.Count > 0 && now - _failures.Peek() > settings.Window)
        {
            _failures.Dequeue();
        }

        if (_failures.Count >= settings.MaxFailures)
        {
            _lockedUntil = now + settings.Lockout;
            _failures.Clear();
        }

        return Task.CompletedTask;
    }

    public Task RecordSuccessAsync()
    {
        _failures.Clear();
        _lockedUntil = null;
        return Task.CompletedTask;
    }
}
