-- The exams with an anomaly that began in the day, counted straight from the raw anomaly facts (opens and closes), not
-- through the jobs' anomalies view: the daily job's post-check compares by_exam's rows with it (one row per such exam).
SELECT count(DISTINCT exam_id) AS exams
FROM (
    SELECT exam_id FROM anomaly_opened
    WHERE started_at >= CAST({{day_start}} AS TIMESTAMP) AND started_at < CAST({{day_end}} AS TIMESTAMP)
    UNION ALL
    SELECT exam_id FROM anomaly_closed
    WHERE started_at >= CAST({{day_start}} AS TIMESTAMP) AND started_at < CAST({{day_end}} AS TIMESTAMP)
) AS began_that_day
