-- One row of platform counts from the raw zone. A session is active while it has started and no end was recorded;
-- critical_recent counts the critical ones among the newest {{recent_anomalies}} anomalies.
SELECT (SELECT count(DISTINCT submission_id) FROM submission_auto_graded) AS submissions,
       (SELECT count(DISTINCT session_id) FROM session_started) AS sessions,
       (SELECT count(DISTINCT s.session_id)
        FROM session_started AS s
        LEFT JOIN session_submitted AS e ON e.session_id = s.session_id
        WHERE e.session_id IS NULL) AS active_sessions,
       (SELECT count(DISTINCT exam_id) FROM session_started
        WHERE started_at >= CAST({{day_start}} AS TIMESTAMP) AND started_at < CAST({{day_end}} AS TIMESTAMP)) AS exams_today,
       (SELECT count(DISTINCT session_id) FROM session_started
        WHERE started_at >= CAST({{day_start}} AS TIMESTAMP) AND started_at < CAST({{day_end}} AS TIMESTAMP)) AS sessions_today,
       (SELECT count(*) FROM session_submitted
        WHERE ended_at >= CAST({{day_start}} AS TIMESTAMP) AND ended_at < CAST({{day_end}} AS TIMESTAMP)) AS submissions_today,
       (SELECT count(*) FROM anomalies
        WHERE started_at >= CAST({{day_start}} AS TIMESTAMP) AND started_at < CAST({{day_end}} AS TIMESTAMP)) AS anomalies_today,
       (SELECT count(CASE WHEN severity = 'critical' THEN 1 END)
        FROM (
            SELECT severity, row_number() OVER (ORDER BY started_at DESC, anomaly_id DESC) AS recent
            FROM anomalies
        ) AS newest
        WHERE recent <= CAST({{recent_anomalies}} AS INT)) AS critical_recent
FROM (SELECT 1 AS one) AS single_row
