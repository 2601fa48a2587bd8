using System.Collections;
using System.Diagnostics;

namespace ProctorWise.TestSupport;

/// <summary>
/// The one way tests wait for an asynchronous outcome: read until it holds, and fail with what was awaited
/// and what was last seen when it does not. It never returns without the outcome. The timeout only stops a
/// broken test from hanging; it is not an assertion on speed (a test that asserts a bound passes it).
/// Waiting proves that something happened, never that something did not: for that, wait for a later event
/// that must come after it, then look.
/// </summary>
public static class Eventually
{
    /// <summary>The time a test waits unless it says otherwise: generous, for a loaded machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Reads until <paramref name="done"/> holds for the value and returns that value; fails with
    /// <paramref name="awaited"/> and the last value read (or <paramref name="describe"/> of it) otherwise.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, string awaited, TimeSpan? timeout = null, Func<T, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (waited.Elapsed >= limit)
            {
                Assert.Fail($"Not reached within {limit.TotalSeconds:0.#} s: {awaited}. Last seen: {(describe ?? Describe)(value)}");
            }

            await Task.Delay(s_poll, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until an asynchronous condition holds; fails with <paramref name="describe"/> (the state seen) otherwise.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, Func<string> describe, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return UntilAsync(condition, held => held, "the condition held", timeout, _ => describe());
    }

    /// <summary>Waits until a condition on local state holds; fails with <paramref name="describe"/> (the state seen) otherwise.</summary>
    public static Task HoldsAsync(Func<bool> condition, Func<string> describe, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return HoldsAsync(() => Task.FromResult(condition()), describe, timeout);
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string text => text,
        IEnumerable items => $"{items.Cast<object?>().Count()} item(s) [{string.Join(", ", items.Cast<object?>().Take(20))}]",
        _ => value.ToString() ?? "null",
    };
}
