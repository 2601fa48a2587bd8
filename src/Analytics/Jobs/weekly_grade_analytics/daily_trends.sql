-- Graded submissions of the ISO week per UTC day of submission; days without submissions have no row.
SELECT submission_date,
       count(*) AS submissions_count,
       avg(percentage) AS avg_score,
       count(CASE WHEN percentage >= {{pass_mark}} THEN 1 END) AS passed_count,
       {{period_first_day}} AS week_start
FROM (
    SELECT CAST(submitted_at AS DATE) AS submission_date, percentage
    FROM graded_submissions
    WHERE submitted_at >= {{period_start}} AND submitted_at < {{period_end}}
) AS of_week
GROUP BY submission_date
ORDER BY submission_date
