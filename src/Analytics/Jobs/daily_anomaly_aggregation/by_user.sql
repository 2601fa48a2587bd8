-- Anomalies that began on the day (UTC), per student: the columns of by_exam (a superset of the original's by_user).
SELECT student_id AS user_id,
       count(*) AS total_anomalies,
       count(CASE WHEN severity = 'critical' THEN 1 END) AS critical_count,
       count(CASE WHEN severity = 'high' THEN 1 END) AS high_count,
       count(CASE WHEN severity = 'medium' THEN 1 END) AS medium_count,
       count(CASE WHEN severity = 'low' THEN 1 END) AS low_count,
       count(CASE WHEN type = 'no_face' THEN 1 END) AS face_absent_count,
       count(CASE WHEN type = 'multiple_faces' THEN 1 END) AS multiple_faces_count,
       count(CASE WHEN type = 'object_detected' THEN 1 END) AS forbidden_object_count,
       count(CASE WHEN type = 'tab_hidden' THEN 1 END) AS tab_change_count,
       count(CASE WHEN type = 'webcam_stopped' THEN 1 END) AS webcam_disabled_count,
       count(CASE WHEN type = 'looking_away' THEN 1 END) AS looking_away_count,
       count(CASE WHEN type = 'window_blur' THEN 1 END) AS window_blur_count,
       count(CASE WHEN type = 'fullscreen_exit' THEN 1 END) AS fullscreen_exit_count,
       count(CASE WHEN type = 'copy' THEN 1 END) AS copy_count,
       count(CASE WHEN type = 'paste' THEN 1 END) AS paste_count,
       count(CASE WHEN type = 'devtools_open' THEN 1 END) AS devtools_open_count,
       avg(confidence) AS avg_confidence,
       {{period_first_day}} AS report_date
FROM anomalies
WHERE started_at >= {{period_start}} AND started_at < {{period_end}}
GROUP BY student_id
ORDER BY user_id
