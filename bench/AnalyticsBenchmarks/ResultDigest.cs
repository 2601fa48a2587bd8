using System.Globalization;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// A few sums over <c>user_profiles</c> and the two summaries, computed the same way from either engine's output,
/// so the run shows both sides produced the same answer and not just the same time.
/// </summary>
internal sealed record ResultDigest(long Users, long Exams, long Anomalies, long Critical, double ScoreSum, double MedianSum, string Tiers, string Risks)
{
    /// <summary>
    /// The query both sides run over their <c>user_profiles</c> and summary tables; <paramref name="joined"/> writes
    /// "the values of a column joined with spaces, in order" in the engine's dialect (the two have no common spelling).
    /// </summary>
    public static string Sql(string profiles, string tiers, string risks, Func<string, string, string> joined) => $"""
        SELECT (SELECT count(*) FROM {profiles}),
               (SELECT sum(total_exams) FROM {profiles}),
               (SELECT sum(total_anomalies) FROM {profiles}),
               (SELECT sum(critical_anomalies) FROM {profiles}),
               (SELECT sum(avg_score) FROM {profiles}),
               (SELECT sum(median_score) FROM {profiles}),
               (SELECT {joined("concat(performance_tier, '=', user_count)", "performance_tier")} FROM {tiers}),
               (SELECT {joined("concat(risk_level, '=', user_count)", "risk_level")} FROM {risks})
        """;

    public static ResultDigest From(System.Data.Common.DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.Read())
        {
            throw new InvalidOperationException("The digest query returned no row.");
        }

        // DuckDB sums BIGINTs into a HUGEINT (BigInteger), MariaDB into a DECIMAL.
        long Long(int i) => reader.IsDBNull(i) ? 0 : reader.GetValue(i) is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        double Double(int i) => reader.IsDBNull(i) ? 0 : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
        string Text(int i) => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
        return new ResultDigest(Long(0), Long(1), Long(2), Long(3), Double(4), Double(5), Text(6), Text(7));
    }

    /// <summary>Equal counts, and sums of averages equal to 1e-6 relative (the engines add doubles in different orders).</summary>
    public bool Matches(ResultDigest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(a));
        return Users == other.Users && Exams == other.Exams && Anomalies == other.Anomalies && Critical == other.Critical
            && Close(ScoreSum, other.ScoreSum) && Close(MedianSum, other.MedianSum)
            && string.Equals(Tiers, other.Tiers, StringComparison.Ordinal) && string.Equals(Risks, other.Risks, StringComparison.Ordinal);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"users {Users}, exams {Exams}, anomalies {Anomalies} (critical {Critical}), Σavg_score {ScoreSum:F4}, Σmedian {MedianSum:F4}, tiers [{Tiers}], risk [{Risks}]");
}
