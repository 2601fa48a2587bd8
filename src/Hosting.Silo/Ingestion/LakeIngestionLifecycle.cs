namespace ProctorWise.Hosting.Silo.Ingestion;

/// <summary>
/// Runs the <see cref="LakeIngestionSink"/> for the silo's lifetime. It starts and stops with the application
/// services: a silo stops its stream agents and grains (later stages) before these, so the final flush lands every
/// fact that was delivered.
/// </summary>
internal sealed class LakeIngestionLifecycle(LakeIngestionSink queue) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(LakeIngestionLifecycle),
        ServiceLifecycleStage.ApplicationServices,
        _ =>
        {
            queue.Start();
            return Task.CompletedTask;
        },
        queue.StopAsync);
}
