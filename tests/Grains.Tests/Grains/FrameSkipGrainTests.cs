using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.Grains.Vision;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Grains;

/// <summary>
/// The frame path with the real face model: a near-identical frame is not analysed and is answered as
/// <see cref="CheckStatus.Unchanged"/> (never as a fresh result), a changed frame or a pending condition is analysed,
/// and the vision meter counts each kind.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FrameSkipGrainTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    [Fact]
    public async Task ANearIdenticalFrameIsReportedAsUnchangedAndAChangedOneIsAnalysed()
    {
        using var counts = new FrameCounts();
        var (student, teacher, session, _) = await _given.RunningSessionAsync();
        var intake = fixture.Grains.GetGrain<IFrameIntakeGrain>(0);
        async Task<FrameAnalysis> SendAsync(byte[] jpeg)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(2));
            return await intake.SubmitAsync(student, session.Id, jpeg);
        }

        var first = await SendAsync(TestFrames.WebcamWithFace);
        Assert.True(first.FaceCheck == CheckStatus.Ok, $"the face model must be present (scripts/fetch-models.sh); the check was {first.FaceCheck}");
        Assert.Single(first.Faces);

        // The same picture again: no inference, and no faces claimed for it.
        var second = await SendAsync(TestFrames.WebcamWithFace);
        Assert.Equal(CheckStatus.Unchanged, second.FaceCheck);
        Assert.Empty(second.Faces);
        Assert.Equal((0, 0), (second.Width, second.Height));

        // The student left: the picture changed, so it is analysed; no face is now a pending condition, so the
        // identical empty room that follows is analysed as well.
        var empty = await SendAsync(TestFrames.WebcamEmpty);
        Assert.Equal((CheckStatus.Ok, 0), (empty.FaceCheck, empty.Faces.Count));
        var stillEmpty = await SendAsync(TestFrames.WebcamEmpty);
        Assert.Equal(CheckStatus.Ok, stillEmpty.FaceCheck);

        // An unchanged frame proves the camera is alive but decides nothing: no anomaly came from any of them.
        Assert.Empty(await fixture.Grains.GetGrain<IExamSessionGrain>(session.Id).GetAnomaliesAsync(teacher));

        Assert.True(counts.Of("unchanged") >= 1, "the meter counts the unchanged frame");
        Assert.True(counts.Of("analysed") >= 3, "the meter counts the analysed frames");
    }

    [Fact]
    public async Task TheBoundForcesAnalysisOfAFrozenPicture()
    {
        var (student, _, session, _) = await _given.RunningSessionAsync();
        var intake = fixture.Grains.GetGrain<IFrameIntakeGrain>(0);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(CheckStatus.Ok, (await intake.SubmitAsync(student, session.Id, TestFrames.WebcamWithFace)).FaceCheck);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CheckStatus.Unchanged, (await intake.SubmitAsync(student, session.Id, TestFrames.WebcamWithFace)).FaceCheck);

        // Ten seconds (the default Vision:Skip:MaxInterval) after the last analysis the same picture is looked at again.
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CheckStatus.Ok, (await intake.SubmitAsync(student, session.Id, TestFrames.WebcamWithFace)).FaceCheck);
    }

    /// <summary>Counts of the vision meter's frames by result, from every silo of the in-process cluster.</summary>
    private sealed class FrameCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _counts = new();

        public FrameCounts()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == VisionMetrics.MeterName && instrument.Name == VisionMetrics.FramesName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "result" && tag.Value is string result)
                    {
                        _counts.AddOrUpdate(result, value, (_, n) => n + value);
                    }
                }
            });
            _listener.Start();
        }

        public long Of(string result) => _counts.GetValueOrDefault(result);

        public void Dispose() => _listener.Dispose();
    }
}
