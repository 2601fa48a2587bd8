using Orleans.Streams;
using Orleans.Streams.Core;

namespace ProctorWise.StreamingBenchmarks;

/// <summary>Records the latency of every event it receives.</summary>
[ImplicitStreamSubscription(Scenario.Namespace)]
public sealed class BenchSubscriberGrain : Grain, IBenchSubscriberGrain, IStreamSubscriptionObserver
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<BenchEvent>().ResumeAsync((evt, _) =>
        {
            LatencyRecorder.Current?.Record(evt.SentAt);
            return Task.CompletedTask;
        });
}
