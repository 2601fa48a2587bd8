using System.Net;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>Waits for a silo process's HTTP endpoint.</summary>
internal static class SiloHttp
{
    /// <summary>How long a silo process may take to become ready on a busy machine.</summary>
    private static readonly TimeSpan s_startup = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Polls <paramref name="path"/> until it answers 200 and returns the body; fails with the silo's output
    /// if the process ends first or never gets there.
    /// </summary>
    public static async Task<string> UntilAsync(HttpClient http, string path, SiloProcess silo)
    {
        var deadline = DateTime.UtcNow + s_startup;
        var last = "no answer";
        while (true)
        {
            Assert.False(silo.HasExited, $"The silo exited before {path} answered 200:" + Environment.NewLine + silo.Output);
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not answer 200 within {s_startup.TotalSeconds} s (last: {last}):" + Environment.NewLine + silo.Output);
            try
            {
                using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return body;
                }

                last = $"{(int)response.StatusCode} {body}";
            }
            catch (HttpRequestException e)
            {
                // Not listening yet.
                last = e.Message;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
