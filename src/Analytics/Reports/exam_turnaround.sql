-- One row: how long the exam's fully graded submissions that waited for a teacher (graded_by is not 'auto') took from
-- submission to fully graded, in hours: median and 90th percentile (exact, linear interpolation) and the longest.
-- Automatic grading is immediate, so counting it would hide the teacher's turnaround behind zeros.
SELECT count(*) AS teacher_graded,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90_hours,
       max(hours) AS max_hours
FROM (
    SELECT (graded_at_epoch - submitted_at_epoch) / 3600 AS hours
    FROM graded_submissions
    WHERE exam_id = {{exam_id}} AND graded_by <> 'auto'
) AS teacher_graded
