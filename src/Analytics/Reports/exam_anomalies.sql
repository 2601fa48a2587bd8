-- The exam's anomalies (each once, with its final figures) by type.
SELECT type, count(*) AS anomalies
FROM anomalies
WHERE exam_id = {{exam_id}}
GROUP BY type
ORDER BY type
