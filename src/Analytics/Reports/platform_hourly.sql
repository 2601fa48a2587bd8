-- Today's activity by UTC hour ("00"-"23"): attempts ended (submissions) and anomalies started. Hours without either
-- have no row.
SELECT hour, sum(submissions) AS submissions, sum(anomalies) AS anomalies
FROM (
    SELECT lpad(CAST(hour(ended_at) AS STRING), 2, '0') AS hour, 1 AS submissions, 0 AS anomalies
    FROM session_submitted
    WHERE ended_at >= CAST({{day_start}} AS TIMESTAMP) AND ended_at < CAST({{day_end}} AS TIMESTAMP)
    UNION ALL
    SELECT lpad(CAST(hour(started_at) AS STRING), 2, '0') AS hour, 0 AS submissions, 1 AS anomalies
    FROM anomalies
    WHERE started_at >= CAST({{day_start}} AS TIMESTAMP) AND started_at < CAST({{day_end}} AS TIMESTAMP)
) AS facts
GROUP BY hour
ORDER BY hour
