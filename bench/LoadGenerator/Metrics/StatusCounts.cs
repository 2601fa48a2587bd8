using System.Collections.Concurrent;
using System.Globalization;
using ProctorWise.LoadGenerator.Api;

namespace ProctorWise.LoadGenerator.Metrics;

/// <summary>HTTP answers by call and status code.</summary>
internal sealed class StatusCounts
{
    private readonly ConcurrentDictionary<(string Call, int Status), int> _counts = new();

    public void Add(string call, int status) => _counts.AddOrUpdate((call, status), 1, (_, n) => n + 1);

    public int Count(string call, Func<int, bool> status) =>
        _counts.Where(c => c.Key.Call == call && status(c.Key.Status)).Sum(c => c.Value);

    public int Errors => _counts.Where(c => c.Key.Status is < 200 or >= 300).Sum(c => c.Value);

    /// <summary>For example <c>frames 202×9000, 429×3; events 202×1800</c>; "none" is the status of calls that got no answer.</summary>
    public string Describe()
    {
        if (_counts.IsEmpty)
        {
            return "–";
        }

        return string.Join("; ", _counts
            .GroupBy(c => c.Key.Call)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + " " + string.Join(", ", g.OrderBy(c => c.Key.Status).Select(c => string.Create(
                CultureInfo.InvariantCulture, $"{(c.Key.Status == ApiClient.NoResponse ? "none" : c.Key.Status.ToString(CultureInfo.InvariantCulture))}×{c.Value}")))));
    }
}
