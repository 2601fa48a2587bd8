-- One row: the exam's fully graded submissions (graded_submissions: nothing waiting for a teacher), as percentages.
-- A submission passes at the exam's own pass mark; buckets have inclusive upper bounds (20.5 % is in 21-40), as the
-- original's. Quartiles are exact (linear interpolation, as the weekly exam_statistics). Aggregates over no row give 0
-- submissions and NULL figures.
SELECT count(*) AS submissions,
       avg(percentage) AS mean_score,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY percentage) AS median_score,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY percentage) AS q1_score,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY percentage) AS q3_score,
       min(percentage) AS min_score,
       max(percentage) AS max_score,
       100 * CAST(count(CASE WHEN percentage >= CAST({{pass_mark}} AS DOUBLE) THEN 1 END) AS DOUBLE) / nullif(count(*), 0) AS pass_rate,
       count(CASE WHEN percentage <= 20 THEN 1 END) AS bucket_0_20,
       count(CASE WHEN percentage > 20 AND percentage <= 40 THEN 1 END) AS bucket_21_40,
       count(CASE WHEN percentage > 40 AND percentage <= 60 THEN 1 END) AS bucket_41_60,
       count(CASE WHEN percentage > 60 AND percentage <= 80 THEN 1 END) AS bucket_61_80,
       count(CASE WHEN percentage > 80 THEN 1 END) AS bucket_81_100
FROM graded_submissions
WHERE exam_id = {{exam_id}}
