-- The student's anomalies (each once, with its final figures) by type.
SELECT type, count(*) AS anomalies
FROM anomalies
WHERE student_id = {{student_id}}
GROUP BY type
ORDER BY type
