using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>One operation the fake holds: its responses (computed once, replayed to each attach) until released.</summary>
internal sealed class FakeOperation(string id, IReadOnlyList<string> tags) : IDisposable
{
    public string Id { get; } = id;

    public IReadOnlyList<string> Tags { get; } = tags;

    /// <summary>Cancelled by Interrupt.</summary>
    public CancellationTokenSource Interrupted { get; } = new();

    /// <summary>The responses, result_complete last; faults in the computation surface as the task's exception.</summary>
    public Task<List<ExecutePlanResponse>> Responses { get; set; } = Task.FromResult(new List<ExecutePlanResponse>());

    /// <summary>Set when the server "restarts": the operation's streams break like a dropped connection.</summary>
    public bool Lost { get; set; }

    /// <summary>Responses up to this index (exclusive) were released by the client.</summary>
    public int ReleasedUpTo { get; set; }

    public void Dispose() => Interrupted.Dispose();
}
