namespace ProctorWise.SparkConnect;

/// <summary>How one plan is executed.</summary>
public sealed record SparkExecuteOptions
{
    /// <summary>Operation tags (non-empty, no commas): <see cref="SparkConnectSession.InterruptTagAsync"/> stops every operation carrying one.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// The longest the execution may take; past it the client sends <c>Interrupt</c> for the operation and throws
    /// <see cref="TimeoutException"/>. Null: no limit other than the caller's cancellation.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The operation id (a UUID); null makes a new one.</summary>
    public Guid? OperationId { get; init; }
}
