-- Activity by UTC day from {{trend_start}} up to the end of today: attempts ended and anomalies started. Days without
-- either have no row.
SELECT day, sum(submissions) AS submissions, sum(anomalies) AS anomalies
FROM (
    SELECT CAST(ended_at AS DATE) AS day, 1 AS submissions, 0 AS anomalies
    FROM session_submitted
    WHERE ended_at >= CAST({{trend_start}} AS TIMESTAMP) AND ended_at < CAST({{day_end}} AS TIMESTAMP)
    UNION ALL
    SELECT CAST(started_at AS DATE) AS day, 0 AS submissions, 1 AS anomalies
    FROM anomalies
    WHERE started_at >= CAST({{trend_start}} AS TIMESTAMP) AND started_at < CAST({{day_end}} AS TIMESTAMP)
) AS facts
GROUP BY day
ORDER BY day
