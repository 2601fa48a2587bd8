using System.Net;
using System.Text.Json;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests.Infrastructure;

/// <summary>Seeding the analytics pages: events written into the app's lake, and job runs started through the API.</summary>
public static class AnalyticsRuns
{
    /// <summary>Writes events into the app's lake, where the analytics engine reads them.</summary>
    public static async Task WriteAsync(ApiFactory app, params DomainEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(app);
        await new ParquetEventWriter(new LocalLakeStorage(app.LakePath)).WriteAsync(events, TestContext.Current.CancellationToken);
    }

    /// <summary>The rows a run wrote to one of its datasets (0 when it wrote none).</summary>
    public static long Rows(JsonElement run, string dataset) =>
        run.GetProperty("datasets").EnumerateArray().Where(d => d.GetProperty("name").GetString() == dataset).Select(d => d.GetProperty("rows").GetInt64()).FirstOrDefault();

    /// <summary>
    /// Runs the period (through the API) until a run whose attempt began after <paramref name="writtenAt"/> (on the
    /// app's clock) succeeds and satisfies <paramref name="done"/>. A run of the same period started by another test or
    /// the schedule may be under way (409) or may have read the lake before this test wrote to it — its row counts can
    /// even look right when other tests wrote similar data — so only a run that began later counts, and it is run again.
    /// </summary>
    public static async Task RunUntilAsync(ApiClient admin, string job, string period, DateTimeOffset writtenAt, Func<JsonElement, bool> done)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(done);
        bool Fresh(JsonElement run) =>
            run.GetProperty("startedAt").ValueKind == JsonValueKind.String && run.GetProperty("startedAt").GetDateTimeOffset() >= writtenAt && done(run);
        await Eventually.UntilAsync(
            async () =>
            {
                var run = (await admin.GetAsync<JsonElement>("/api/analytics/jobs?pageSize=200")).GetProperty("items").EnumerateArray()
                    .FirstOrDefault(r => r.GetProperty("job").GetString() == job && r.GetProperty("period").GetString() == period);
                var finished = run.ValueKind == JsonValueKind.Object && run.GetProperty("status").GetString() is "succeeded" or "failed";
                if ((run.ValueKind != JsonValueKind.Object || finished) && !(finished && Fresh(run)))
                {
                    var started = await admin.PostAsync($"/api/analytics/jobs/{job}/runs", new { period });
                    Assert.True(started.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"starting {job} {period}: {started.StatusCode}");
                }

                return run;
            },
            run => run.ValueKind == JsonValueKind.Object && run.GetProperty("status").GetString() == "succeeded" && Fresh(run),
            $"a run of {job} {period} with the test's data",
            TimeSpan.FromSeconds(90),
            run => run.ValueKind == JsonValueKind.Undefined ? "not listed" : run.ToString());
    }
}
