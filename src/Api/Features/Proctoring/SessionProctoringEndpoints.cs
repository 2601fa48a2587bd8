using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Api.Features.Proctoring;

/// <summary>Signals and frames from the student; anomalies, warnings, termination and extra time for supervisors.</summary>
public static class SessionProctoringEndpoints
{
    /// <summary>The largest frame accepted (the grains enforce it; here it only stops reading a body early).</summary>
    public const int MaxFrameBytes = ProctoringLimits.MaxFrameBytes;

    /// <summary>Maps the proctoring routes under <c>/api/sessions/{id}</c>.</summary>
    public static RouteGroupBuilder MapSessionProctoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{id}").WithTags("Proctoring").RequireAuthorization();
        group.MapPost("/events", RecordEventAsync).RequireAuthorization(Policies.Student).WithName("RecordEvent").WithSummary("Records a browser signal.");
        // No Accepts<>() metadata: it would make routing pick another endpoint for a wrong content type,
        // where the handler answers 415 with a problem that says what to send.
        group.MapPost("/frames", RecordFrameAsync).RequireAuthorization(Policies.Student).WithName("RecordFrame")
            .WithSummary("Analyses a webcam frame: body image/jpeg, ≤ 512 KB, ≥ 1 s after the previous one.");
        group.MapGet("/anomalies", ListAnomaliesAsync).WithName("ListAnomalies").WithSummary("The session's anomalies (supervisors).");
        group.MapGet("/anomalies/{anomalyId}/evidence", GetEvidenceAsync).WithName("GetEvidence").WithSummary("The evidence frame of an anomaly (supervisors).");
        group.MapPost("/warnings", WarnAsync).RequireAuthorization(Policies.Proctor).WithName("WarnStudent").WithSummary("Sends the student a warning.");
        group.MapPost("/terminate", TerminateAsync).RequireAuthorization(Policies.Proctor).WithName("TerminateSession").WithSummary("Ends and submits the session.");
        group.MapPost("/extend", ExtendAsync).WithName("ExtendSession").WithSummary("Gives the student extra minutes (supervisors, exam owner).");
        group.MapGet("/live-frame", GetLiveFrameAsync).RequireAuthorization(Policies.Proctor).WithName("GetLiveFrame")
            .WithSummary("The latest webcam frame of a running session (the slot's proctors, admins); ETag / If-None-Match, never cached.");
        group.MapPost("/review", ReviewAsync).RequireAuthorization(Policies.Proctor).WithName("ReviewSession").WithSummary("Marks the session reviewed with a note.");
        return group;
    }

    private static async Task<Accepted> RecordEventAsync(string id, EventRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var type = body.Type ?? throw ProctorWiseException.Invalid("type", "Required.");
        var seq = body.Seq is { } s && s >= 0 ? s : throw ProctorWiseException.Invalid("seq", "Required, zero or more.");
        await grains.GetGrain<IExamSessionGrain>(id).RecordSignalAsync(user.ToCaller(), new BrowserSignal(type, body.OccurredAt, seq));
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Accepted<FrameResponse>, ProblemHttpResult>> RecordFrameAsync(string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "image/jpeg", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(title: "Frames must be sent as image/jpeg.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxFrameBytes)
        {
            return TooLarge();
        }

        var jpeg = await ReadAtMostAsync(request.Body, MaxFrameBytes + 1, request.HttpContext.RequestAborted);
        if (jpeg.Length > MaxFrameBytes)
        {
            return TooLarge();
        }

        if (jpeg.Length < 3 || jpeg[0] != 0xFF || jpeg[1] != 0xD8 || jpeg[2] != 0xFF)
        {
            return TypedResults.Problem(title: "The body is not a JPEG image.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var analysis = await grains.GetGrain<IFrameIntakeGrain>(0).SubmitAsync(user.ToCaller(), id, jpeg);
        return TypedResults.Accepted((string?)null, FrameResponse.From(analysis));
    }

    private static async Task<Ok<IReadOnlyList<AnomalyResponse>>> ListAnomaliesAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var anomalies = await grains.GetGrain<IExamSessionGrain>(id).GetAnomaliesAsync(user.ToCaller());
        return TypedResults.Ok<IReadOnlyList<AnomalyResponse>>([.. anomalies.Select(AnomalyResponse.From)]);
    }

    private static async Task<FileContentHttpResult> GetEvidenceAsync(string id, string anomalyId, ClaimsPrincipal user, IGrainFactory grains, HttpResponse response)
    {
        var evidence = await grains.GetGrain<IExamSessionGrain>(id).GetEvidenceAsync(user.ToCaller(), anomalyId);
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(evidence.Jpeg, "image/jpeg", lastModified: evidence.CapturedAt);
    }

    private static async Task<Accepted> WarnAsync(string id, MessageRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IExamSessionGrain>(id).WarnAsync(user.ToCaller(), body.Message ?? string.Empty);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<SubmitResponse>> TerminateAsync(string id, TerminateRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new SubmitResponse(await grains.GetGrain<IExamSessionGrain>(id).TerminateAsync(user.ToCaller(), body.Reason ?? string.Empty)));

    private static async Task<Ok<SessionView>> ExtendAsync(string id, ExtendRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var minutes = body.Minutes ?? throw ProctorWiseException.Invalid("minutes", "Required.");
        return TypedResults.Ok(await grains.GetGrain<IExamSessionGrain>(id).ExtendAsync(user.ToCaller(), minutes));
    }

    /// <summary>
    /// The camera tile's image. The ETag is the frame's capture time, so a tile that polls with If-None-Match gets
    /// a bodiless 304 until a new frame arrived; no-store keeps the picture out of every cache.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetLiveFrameAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, HttpRequest request, HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        var known = ParseETag(request.Headers.IfNoneMatch.ToString());
        var frame = await grains.GetGrain<IExamSessionGrain>(id).GetLiveFrameAsync(user.ToCaller(), known);
        if (frame is null)
        {
            return TypedResults.Problem(title: "No camera frame yet.", detail: "The student's camera has sent no frame since the session (re)started, or the session has ended.", statusCode: StatusCodes.Status404NotFound);
        }

        response.Headers.ETag = $"\"{frame.CapturedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}\"";
        response.Headers["X-Captured-At"] = frame.CapturedAt.ToString("O", CultureInfo.InvariantCulture);
        return frame.Jpeg is { } jpeg ? TypedResults.File(jpeg, "image/jpeg") : TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    private static DateTimeOffset? ParseETag(string header) =>
        header.Length > 2 && header[0] == '"' && header[^1] == '"' && long.TryParse(header.AsSpan(1, header.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    private static async Task<Ok<SessionReview>> ReviewAsync(string id, ReviewRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IExamSessionGrain>(id).ReviewAsync(user.ToCaller(), body.Note ?? string.Empty));

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(title: $"Frames are at most {MaxFrameBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>Reads the body but never more than <paramref name="limit"/> bytes, whatever the client claims.</summary>
    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
