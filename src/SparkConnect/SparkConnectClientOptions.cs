namespace ProctorWise.SparkConnect;

/// <summary>How a <see cref="SparkConnectClient"/> connects, retries and reattaches.</summary>
public sealed class SparkConnectClientOptions
{
    /// <summary>The largest message accepted from the server: an Arrow batch of a wide result can be large.</summary>
    public const int DefaultMaxReceiveMessageSize = 128 * 1024 * 1024;

    /// <summary>The first wait before a retry (then multiplied by <see cref="BackoffMultiplier"/>).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How much each wait grows.</summary>
    public double BackoffMultiplier { get; set; } = 4;

    /// <summary>The longest wait between two retries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Retries of one call (or of one attach of an execution) before the failure is final. An execution gets a fresh
    /// budget each time it receives a response, so a long query survives several separate outages.
    /// </summary>
    public int MaxRetries { get; set; } = 15;

    /// <summary>
    /// Reattaches of one execution in a row without any response in between: servers end a stream every ~2 minutes
    /// without failing, which is normal, but a server that ends every stream at once would loop for ever.
    /// </summary>
    public int MaxReattachesWithoutProgress { get; set; } = 10;

    /// <summary>HTTP/2 keep-alive ping interval, so idle load balancers do not drop a long-running stream.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a keep-alive ping may wait for its answer before the connection counts as dead.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>See <see cref="DefaultMaxReceiveMessageSize"/>.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>Sends a <c>ReleaseExecute(release_until)</c> after this many responses, so the server frees what was read.</summary>
    public int ReleaseEvery { get; set; } = 8;

    /// <summary>Test hook: replaces the waits between retries (the default sleeps).</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }

    /// <summary>Test hook: the random source of the jitter.</summary>
    public Random? Random { get; set; }

    /// <summary>Test hook: an HTTP handler to use instead of a <see cref="System.Net.Http.SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }
}
