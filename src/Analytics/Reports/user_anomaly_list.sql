-- What was recorded about the student, one row per anomaly with its reason: the final figures (anomaly_closed) or, while
-- its session has not ended, those it opened with, ranked as the jobs' anomalies view ranks them (which has no reason
-- or end time). Oldest first.
SELECT anomaly_id, exam_id, session_id, type, severity, started_at, ended_at, reason
FROM (
    SELECT anomaly_id, exam_id, session_id, type, severity, started_at, ended_at, reason,
           row_number() OVER (PARTITION BY anomaly_id ORDER BY closed DESC, occurred_at DESC, event_id DESC) AS newest
    FROM (
        SELECT anomaly_id, exam_id, session_id, type, severity, started_at, ended_at, reason, 1 AS closed, occurred_at, event_id
        FROM anomaly_closed
        WHERE student_id = {{student_id}}
        UNION ALL
        SELECT anomaly_id, exam_id, session_id, type, severity, started_at, CAST(NULL AS TIMESTAMP) AS ended_at, reason,
               0 AS closed, occurred_at, event_id
        FROM anomaly_opened
        WHERE student_id = {{student_id}}
    ) AS facts
) AS ranked
WHERE newest = 1
ORDER BY started_at, anomaly_id
