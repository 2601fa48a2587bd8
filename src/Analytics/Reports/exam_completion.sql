-- One row: the exam's ended attempts (submitted, expired or terminated) and their mean time from start to end.
SELECT count(*) AS attempts,
       avg(duration_seconds) AS mean_seconds
FROM session_submitted
WHERE exam_id = {{exam_id}}
