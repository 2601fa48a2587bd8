-- One row per anomaly: its final figures (anomaly_closed, published when its session ended), or, for an anomaly
-- whose session has not ended yet, the figures it opened with. If an anomaly was ever closed twice, the newest wins.
SELECT anomaly_id, session_id, exam_id, student_id, type, severity, confidence, started_at
FROM (
    SELECT anomaly_id, session_id, exam_id, student_id, type, severity, confidence, started_at,
           row_number() OVER (PARTITION BY anomaly_id ORDER BY occurred_at DESC, event_id DESC) AS newest
    FROM anomaly_closed
) AS closed
WHERE newest = 1
UNION ALL
SELECT o.anomaly_id, o.session_id, o.exam_id, o.student_id, o.type, o.severity, o.confidence, o.started_at
FROM (
    SELECT anomaly_id, session_id, exam_id, student_id, type, severity, confidence, started_at,
           row_number() OVER (PARTITION BY anomaly_id ORDER BY occurred_at DESC, event_id DESC) AS newest
    FROM anomaly_opened
) AS o
LEFT JOIN anomaly_closed AS c ON c.anomaly_id = o.anomaly_id
WHERE o.newest = 1 AND c.anomaly_id IS NULL
