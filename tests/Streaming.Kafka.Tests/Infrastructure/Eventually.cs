namespace ProctorWise.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Waits for an asynchronous outcome. The deadline only stops a broken test from hanging; it is not an assertion on speed.</summary>
public static class Eventually
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(45);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="describe"/> otherwise.</summary>
    public static async Task HoldsAsync(Func<bool> condition, Func<string> describe)
    {
        using var timeout = new CancellationTokenSource(s_deadline);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Condition not reached: {describe()}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
