using System.Net;
using System.Text.Json;
using ProctorWise.Api.Features.Proctoring;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// A server without its face model: readiness fails and says how to get it, and frames are still taken
/// as proof that the camera works, reported <c>unavailable</c> rather than given a made-up result.
/// </summary>
public sealed class VisionUnavailableTests : IClassFixture<VisionUnavailableTests.NoModelFactory>
{
    private readonly NoModelFactory _factory;

    public VisionUnavailableTests(NoModelFactory factory) => _factory = factory;

    [Fact]
    public async Task ReadinessFailsWithHowToGetTheModelAndObjectsAreReportedUnavailable()
    {
        var ready = await (await _factory.AdminAsync()).GetRawAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var vision = JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "vision");
        Assert.Equal("Unhealthy", vision.GetProperty("status").GetString());
        var description = vision.GetProperty("description").GetString()!;
        Assert.Contains("faces: unavailable", description, StringComparison.Ordinal);
        Assert.Contains(NoModelFactory.MissingModel, description, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-models.sh", description, StringComparison.Ordinal);
        Assert.Contains("objects: unavailable", description, StringComparison.Ordinal);
        await Expect.Status(HttpStatusCode.OK, await _factory.Anonymous().GetRawAsync("/health/live"));
    }

    [Fact]
    public async Task FramesAreAcceptedAsUnavailableAndKeepTheCameraAlive()
    {
        var room = await ProctoredRoom.ArrangeAsync(_factory);
        var lastFrameFrom = DateTimeOffset.MinValue;
        for (var i = 0; i < 12; i++)
        {
            _factory.Clock.Advance(TimeSpan.FromSeconds(2));
            lastFrameFrom = _factory.Clock.GetUtcNow();
            var response = await room.Student.Http.PostAsync(
                new Uri($"/api/sessions/{room.Session.Id}/frames", UriKind.Relative), FrameContent.Of(TestFrames.WebcamEmpty), TestContext.Current.CancellationToken);
            var frame = await room.Student.ReadAsync<FrameResponse>(response, HttpStatusCode.Accepted);
            Assert.Equal(CheckStatus.Unavailable, frame.Checks["face"]);
            Assert.Equal(CheckStatus.Unavailable, frame.Checks["objects"]);
            Assert.Empty(frame.Faces);
        }

        // 24 s of empty frames: neither a made-up no_face nor a false webcam_stopped (timeout 15 s). To know
        // that the camera watch has judged them, the camera then really stops: the webcam_stopped that follows
        // dates from the last frame (not from the session's start), and it is the only anomaly and the only
        // alert (an earlier one would have reached the inbox first, on the same room stream).
        var lastFrameBy = _factory.Clock.GetUtcNow();
        _factory.Clock.Advance(TimeSpan.FromSeconds(16));
        var alerts = await Eventually.UntilAsync(
            () => room.First.GetAsync<List<ProctorAlert>>("/api/proctor/alerts"),
            a => a.Any(x => x.Type == AnomalyType.WebcamStopped),
            "the webcam_stopped alert once frames stop");
        Assert.Equal(AnomalyType.WebcamStopped, Assert.Single(alerts).Type);
        var anomaly = Assert.Single(await room.First.GetAsync<List<AnomalyResponse>>($"/api/sessions/{room.Session.Id}/anomalies"));
        Assert.Equal((AnomalyType.WebcamStopped, 1), (anomaly.Type, anomaly.Count));
        Assert.InRange(anomaly.StartedAt, lastFrameFrom, lastFrameBy);
    }

    /// <summary>The API host with a face model path that does not exist.</summary>
    public sealed class NoModelFactory : ApiFactory
    {
        public const string MissingModel = "/nonexistent/proctorwise/face.onnx";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Vision:FaceModelPath"] = MissingModel;
            return settings;
        }
    }
}
