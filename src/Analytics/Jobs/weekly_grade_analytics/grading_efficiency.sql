-- How long grading took for the week's graded submissions, per grader ('auto', or the teacher whose grade left
-- nothing pending): hours from submission to fully graded.
SELECT graded_by,
       count(*) AS graded_count,
       avg(grading_hours) AS avg_grading_time_hours,
       min(grading_hours) AS min_grading_time_hours,
       max(grading_hours) AS max_grading_time_hours,
       {{period_first_day}} AS week_start
FROM (
    SELECT graded_by, (graded_at_epoch - submitted_at_epoch) / 3600 AS grading_hours
    FROM graded_submissions
    WHERE submitted_at >= {{period_start}} AND submitted_at < {{period_end}}
) AS of_week
GROUP BY graded_by
ORDER BY graded_by
