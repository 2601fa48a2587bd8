-- The exam's anomalies (each once, with its final figures) per student and type, with the highest severity among them
-- as a rank (1 low, 2 medium, 3 high, 4 critical): severities are names, and their order is not the alphabet's.
SELECT student_id, type,
       count(*) AS anomalies,
       max(CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) AS severity_rank
FROM anomalies
WHERE exam_id = {{exam_id}}
GROUP BY student_id, type
ORDER BY student_id, type
