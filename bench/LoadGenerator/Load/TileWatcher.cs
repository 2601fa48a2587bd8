using ProctorWise.LoadGenerator.Api;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>
/// One proctor's camera tiles: every session's live frame polled at <see cref="LoadOptions.TileInterval"/> with the
/// ETag of the picture it holds, as the room page does (docs/proctoring.md, "Live camera tiles"). The polls of one
/// proctor are spread evenly over the period, as the page's tiles drift apart. Counts what it cost.
/// </summary>
internal sealed class TileWatcher(ApiClient api, Account proctor, IReadOnlyList<string> sessions, TimeSpan interval)
{
    private long _polls;
    private long _frames;
    private long _notModified;
    private long _failed;
    private long _bytes;

    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>200s: a new picture.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>304s: the tile already had the latest picture.</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    /// <summary>Anything else: no answer, 404 before a first frame, 429, 5xx.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Response body bytes (pictures; headers not counted).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(sessions.Select((session, i) => PollAsync(session, interval * i / sessions.Count, cancellationToken)));

    private async Task PollAsync(string session, TimeSpan offset, CancellationToken cancellationToken)
    {
        string? etag = null;
        try
        {
            await Task.Delay(offset, cancellationToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(interval);
            do
            {
                var result = await api.GetLiveFrameAsync(proctor.Token, session, etag).ConfigureAwait(false);
                Interlocked.Increment(ref _polls);
                Interlocked.Add(ref _bytes, result.Bytes);
                etag = result.ETag;
                _ = result.Status switch
                {
                    200 => Interlocked.Increment(ref _frames),
                    304 => Interlocked.Increment(ref _notModified),
                    _ => Interlocked.Increment(ref _failed),
                };
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stage's end.
        }
    }
}
