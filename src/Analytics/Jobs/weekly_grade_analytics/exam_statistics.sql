-- Graded submissions of the ISO week (by submitted_at, UTC), per exam. Scores are percentages (0-100); quartiles are
-- exact (percentile_cont, linear interpolation), not approximate; a submission passes at {{pass_mark}} % or more.
-- stddev_score is the sample standard deviation (NULL for one submission).
SELECT exam_id,
       count(*) AS total_submissions,
       avg(percentage) AS avg_score,
       stddev_samp(percentage) AS stddev_score,
       min(percentage) AS min_score,
       max(percentage) AS max_score,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY percentage) AS median_score,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY percentage) AS q1_score,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY percentage) AS q3_score,
       count(CASE WHEN percentage >= {{pass_mark}} THEN 1 END) AS passed_count,
       count(CASE WHEN percentage < {{pass_mark}} THEN 1 END) AS failed_count,
       100 * CAST(count(CASE WHEN percentage >= {{pass_mark}} THEN 1 END) AS DOUBLE) / count(*) AS pass_rate,
       {{period_first_day}} AS week_start
FROM graded_submissions
WHERE submitted_at >= {{period_start}} AND submitted_at < {{period_end}}
GROUP BY exam_id
ORDER BY exam_id
