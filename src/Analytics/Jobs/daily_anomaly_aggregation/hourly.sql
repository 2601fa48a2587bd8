-- Anomalies that began on the day, per UTC hour ("00" to "23"); hours without anomalies have no row.
SELECT hour,
       count(*) AS anomaly_count,
       count(CASE WHEN severity = 'critical' THEN 1 END) AS critical_count,
       {{period_first_day}} AS report_date
FROM (
    SELECT lpad(CAST(hour(started_at) AS STRING), 2, '0') AS hour, severity
    FROM anomalies
    WHERE started_at >= {{period_start}} AND started_at < {{period_end}}
) AS of_day
GROUP BY hour
ORDER BY hour
