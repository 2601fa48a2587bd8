using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using ProctorWise.Analytics;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// The original system's approach: the services' tables in MariaDB (one row per anomaly, submission and session in
/// its current state) and the monthly aggregation as one plain SQL statement over them, its outputs written as tables.
/// The same generated facts as the lake, loaded with LOAD DATA LOCAL INFILE from CSV.
/// </summary>
internal static class MariaDbBench
{
    private const string Id = "CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL";

    private static readonly (string Table, string Create, string[] Columns, string[] Indexes)[] s_tables =
    [
        (CsvTables.Users, $"user_id {Id} PRIMARY KEY, role VARCHAR(16) NOT NULL, registered_at DATETIME(6) NOT NULL",
            ["user_id", "role", "registered_at"], []),
        (CsvTables.Anomalies, $"anomaly_id {Id} PRIMARY KEY, session_id {Id}, exam_id {Id}, student_id {Id}, type VARCHAR(32) NOT NULL, " +
            "severity VARCHAR(16) NOT NULL, confidence DOUBLE NULL, started_at DATETIME(6) NOT NULL, ended_at DATETIME(6) NOT NULL, occurrences INT NOT NULL",
            ["anomaly_id", "session_id", "exam_id", "student_id", "type", "severity", "confidence", "started_at", "ended_at", "occurrences"],
            ["KEY ix_anomalies_student (student_id)", "KEY ix_anomalies_session (session_id)"]),
        (CsvTables.Submissions, $"submission_id {Id} PRIMARY KEY, session_id {Id}, exam_id {Id}, student_id {Id}, teacher_id {Id}, " +
            "submitted_at DATETIME(6) NOT NULL, graded_at DATETIME(6) NULL, score DOUBLE NULL, max_score DOUBLE NOT NULL, percentage DOUBLE NULL, status VARCHAR(16) NOT NULL",
            ["submission_id", "session_id", "exam_id", "student_id", "teacher_id", "submitted_at", "graded_at", "score", "max_score", "percentage", "status"],
            ["KEY ix_submissions_student (student_id)"]),
        (CsvTables.Sessions, $"session_id {Id} PRIMARY KEY, submission_id {Id}, exam_id {Id}, student_id {Id}, status VARCHAR(16) NOT NULL, " +
            "started_at DATETIME(6) NOT NULL, ended_at DATETIME(6) NULL, anomaly_count INT NOT NULL, risk_score INT NOT NULL",
            ["session_id", "submission_id", "exam_id", "student_id", "status", "started_at", "ended_at", "anomaly_count", "risk_score"],
            ["KEY ix_sessions_student (student_id)"]),
    ];

    private static readonly string[] s_outputs = ["mp_user_profiles", "mp_top_performers", "mp_at_risk_users", "mp_most_improved", "mp_tier_summary", "mp_risk_summary"];

    // serverPid: the server's process when the bench started it; its peak memory during the query is measured.
    public static async Task<MariaDbResult> RunAsync(string connectionString, string csvRoot, AnalyticsPeriod month, int? serverPid, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true, DefaultCommandTimeout = 0 };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var version = Convert.ToString(await ScalarAsync(connection, "SELECT version()", cancellationToken), CultureInfo.InvariantCulture)!;
        var bufferPool = Convert.ToInt64(await ScalarAsync(connection, "SELECT @@innodb_buffer_pool_size", cancellationToken), CultureInfo.InvariantCulture);

        // Load: tables with their primary keys, the rows, then the secondary indexes (the usual bulk-load order).
        var clock = Stopwatch.StartNew();
        var loaded = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, create, columns, indexes) in s_tables)
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}", cancellationToken);
            await ExecuteAsync(connection, $"CREATE TABLE {table} ({create}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", cancellationToken);
            long rows = 0;
            foreach (var file in CsvTables.Files(csvRoot, table))
            {
                var loader = new MySqlBulkLoader(connection)
                {
                    FileName = file,
                    TableName = table,
                    Local = true,
                    FieldTerminator = ",",
                    LineTerminator = "\n",
                    CharacterSet = "utf8mb4",
                };
                loader.Columns.AddRange(columns);
                rows += await loader.LoadAsync(cancellationToken);
            }

            if (indexes.Length > 0)
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} {string.Join(", ", indexes.Select(i => "ADD " + i))}", cancellationToken);
            }

            await ExecuteAsync(connection, $"ANALYZE TABLE {table}", cancellationToken);
            loaded[table] = rows;
        }

        clock.Stop();
        var load = clock.Elapsed;

        // The aggregation: the same outputs as the DuckDB job, each written as a table.
        var peakReset = serverPid is { } pid && ProcessMemory.ResetPeakOf(pid);
        clock.Restart();
        foreach (var output in s_outputs)
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {output}", cancellationToken);
        }

        foreach (var statement in Statements(month))
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }

        clock.Stop();
        var serverPeak = peakReset ? ProcessMemory.PeakOf(serverPid!.Value) : (long?)null;
        var written = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var output in s_outputs)
        {
            written[output["mp_".Length..]] = Convert.ToInt64(await ScalarAsync(connection, $"SELECT count(*) FROM {output}", cancellationToken), CultureInfo.InvariantCulture);
        }

        ResultDigest digest;
        await using (var command = new MySqlCommand(ResultDigest.Sql("mp_user_profiles", "mp_tier_summary", "mp_risk_summary",
                         (value, order) => $"group_concat({value} ORDER BY {order} SEPARATOR ' ')"), connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            digest = ResultDigest.From(reader);
        }

        return new MariaDbResult(version, bufferPool, load, loaded, clock.Elapsed, serverPeak, written, digest);
    }

    /// <summary>Drops the bench's tables (for a server the bench did not start).</summary>
    public static async Task DropAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var table in s_outputs.Concat(s_tables.Select(t => t.Table)))
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}", cancellationToken);
        }
    }

    /// <summary>
    /// monthly_user_performance in MariaDB's SQL (10.11): the same columns and rules as the job's user_profiles.sql
    /// over the original's tables. MariaDB has percentile_cont only as a window function, and group_concat where the
    /// job has array_agg; graded means status graded or published (the job reads grading events instead).
    /// </summary>
    /// <remarks>
    /// It repeats the shape of user_profiles.sql on purpose: this is the other side of the comparison, the same
    /// aggregation written for MariaDB, so it cannot share the job's portable SQL. A change to the job's columns or rules
    /// must be made here too; the bench's result digest (<see cref="ResultDigest"/>) shows when the two disagree.
    /// </remarks>
    public static IReadOnlyList<string> Statements(AnalyticsPeriod month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var start = $"'{month.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";
        var end = $"'{month.End.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";
        var pass = JobQuery.PassMarkPercent.ToString(CultureInfo.InvariantCulture);
        return
        [
            $"""
            CREATE TABLE mp_user_profiles ENGINE=InnoDB AS
            SELECT p.*,
                   ROW_NUMBER() OVER (ORDER BY p.avg_score DESC, p.user_id) AS score_rank,
                   ROW_NUMBER() OVER (ORDER BY p.score_improvement DESC, p.user_id) AS improvement_rank
            FROM (
                SELECT perf.user_id, perf.total_exams, perf.avg_score, perf.score_consistency, perf.min_score, perf.max_score,
                       perf.median_score, perf.exams_passed, perf.exams_failed, perf.first_exam_score, perf.last_exam_score,
                       perf.first_exam_date, perf.last_exam_date, perf.unique_exams, perf.unique_exam_count,
                       100 * CAST(perf.exams_passed AS DOUBLE) / perf.total_exams AS pass_rate,
                       perf.last_exam_score - perf.first_exam_score AS score_improvement,
                       CASE
                           WHEN ROUND(perf.avg_score, 9) >= 90 THEN 'excellent'
                           WHEN ROUND(perf.avg_score, 9) >= 75 THEN 'good'
                           WHEN ROUND(perf.avg_score, 9) >= {pass} THEN 'average'
                           ELSE 'needs_improvement'
                       END AS performance_tier,
                       COALESCE(a.total_anomalies, 0) AS total_anomalies,
                       COALESCE(a.critical_anomalies, 0) AS critical_anomalies,
                       COALESCE(a.high_anomalies, 0) AS high_anomalies,
                       COALESCE(a.medium_anomalies, 0) AS medium_anomalies,
                       COALESCE(a.low_anomalies, 0) AS low_anomalies,
                       COALESCE(a.face_absent_count, 0) AS face_absent_count,
                       COALESCE(a.multiple_faces_count, 0) AS multiple_faces_count,
                       COALESCE(a.forbidden_object_count, 0) AS forbidden_object_count,
                       COALESCE(a.tab_change_count, 0) AS tab_change_count,
                       a.avg_anomaly_confidence,
                       CASE
                           WHEN COALESCE(a.critical_anomalies, 0) >= 5 THEN 'high'
                           WHEN COALESCE(a.critical_anomalies, 0) >= 2 OR COALESCE(a.total_anomalies, 0) >= 10 THEN 'medium'
                           ELSE 'low'
                       END AS risk_level,
                       r.mean_session_risk,
                       r.max_session_risk,
                       '{month.Key}' AS report_month
                FROM (
                    SELECT student_id AS user_id,
                           COUNT(*) AS total_exams,
                           AVG(percentage) AS avg_score,
                           STDDEV_SAMP(percentage) AS score_consistency,
                           MIN(percentage) AS min_score,
                           MAX(percentage) AS max_score,
                           MAX(median_pct) AS median_score,
                           COUNT(CASE WHEN percentage >= {pass} THEN 1 END) AS exams_passed,
                           COUNT(CASE WHEN percentage < {pass} THEN 1 END) AS exams_failed,
                           MAX(CASE WHEN first_order = 1 THEN percentage END) AS first_exam_score,
                           MAX(CASE WHEN last_order = 1 THEN percentage END) AS last_exam_score,
                           MIN(submitted_at) AS first_exam_date,
                           MAX(submitted_at) AS last_exam_date,
                           GROUP_CONCAT(DISTINCT exam_id ORDER BY exam_id SEPARATOR ',') AS unique_exams,
                           COUNT(DISTINCT exam_id) AS unique_exam_count
                    FROM (
                        SELECT student_id, exam_id, percentage, submitted_at,
                               ROW_NUMBER() OVER (PARTITION BY student_id ORDER BY submitted_at, submission_id) AS first_order,
                               ROW_NUMBER() OVER (PARTITION BY student_id ORDER BY submitted_at DESC, submission_id DESC) AS last_order,
                               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY percentage) OVER (PARTITION BY student_id) AS median_pct
                        FROM submissions
                        WHERE status IN ('graded', 'published') AND submitted_at >= {start} AND submitted_at < {end}
                    ) AS of_month
                    GROUP BY student_id
                ) AS perf
                LEFT JOIN (
                    SELECT student_id AS user_id,
                           COUNT(*) AS total_anomalies,
                           COUNT(CASE WHEN severity = 'critical' THEN 1 END) AS critical_anomalies,
                           COUNT(CASE WHEN severity = 'high' THEN 1 END) AS high_anomalies,
                           COUNT(CASE WHEN severity = 'medium' THEN 1 END) AS medium_anomalies,
                           COUNT(CASE WHEN severity = 'low' THEN 1 END) AS low_anomalies,
                           COUNT(CASE WHEN type = 'no_face' THEN 1 END) AS face_absent_count,
                           COUNT(CASE WHEN type = 'multiple_faces' THEN 1 END) AS multiple_faces_count,
                           COUNT(CASE WHEN type = 'object_detected' THEN 1 END) AS forbidden_object_count,
                           COUNT(CASE WHEN type = 'tab_hidden' THEN 1 END) AS tab_change_count,
                           AVG(confidence) AS avg_anomaly_confidence
                    FROM anomalies
                    WHERE started_at >= {start} AND started_at < {end}
                    GROUP BY student_id
                ) AS a ON a.user_id = perf.user_id
                LEFT JOIN (
                    SELECT student_id AS user_id,
                           AVG(CAST(risk_score AS DOUBLE)) AS mean_session_risk,
                           MAX(risk_score) AS max_session_risk
                    FROM exam_sessions
                    WHERE ended_at >= {start} AND ended_at < {end}
                    GROUP BY student_id
                ) AS r ON r.user_id = perf.user_id
            ) AS p
            """,
            "CREATE TABLE mp_top_performers ENGINE=InnoDB AS SELECT * FROM mp_user_profiles WHERE score_rank <= 100",
            "CREATE TABLE mp_at_risk_users ENGINE=InnoDB AS SELECT * FROM mp_user_profiles WHERE risk_level = 'high' OR performance_tier = 'needs_improvement'",
            "CREATE TABLE mp_most_improved ENGINE=InnoDB AS SELECT * FROM mp_user_profiles WHERE improvement_rank <= 100",
            "CREATE TABLE mp_tier_summary ENGINE=InnoDB AS SELECT performance_tier, COUNT(*) AS user_count, report_month FROM mp_user_profiles GROUP BY performance_tier, report_month",
            "CREATE TABLE mp_risk_summary ENGINE=InnoDB AS SELECT risk_level, COUNT(*) AS user_count, report_month FROM mp_user_profiles GROUP BY risk_level, report_month",
        ];
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
