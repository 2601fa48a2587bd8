-- One row per anomaly: its final figures (anomaly_closed, published when its session ended), or, for an anomaly
-- whose session has not ended yet, the figures it opened with. If an anomaly was ever closed twice, the newest wins.
-- One pass over both facts, ranked per anomaly (a close before any open, then the newest): reading anomaly_closed a
-- second time for an anti-join doubled the largest input's cost (docs/PERFORMANCE.md §4).
SELECT anomaly_id, session_id, exam_id, student_id, type, severity, confidence, started_at
FROM (
    SELECT anomaly_id, session_id, exam_id, student_id, type, severity, confidence, started_at,
           row_number() OVER (PARTITION BY anomaly_id ORDER BY closed DESC, occurred_at DESC, event_id DESC) AS newest
    FROM (
        SELECT anomaly_id, session_id, exam_id, student_id, type, severity, confidence, started_at,
               1 AS closed, occurred_at, event_id
        FROM anomaly_closed
        UNION ALL
        SELECT anomaly_id, session_id, exam_id, student_id, type, severity, confidence, started_at,
               0 AS closed, occurred_at, event_id
        FROM anomaly_opened
    ) AS facts
) AS ranked
WHERE newest = 1
