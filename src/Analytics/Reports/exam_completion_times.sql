-- The exam's ended attempts (as exam_completion counts them) by time from start to end, in bins of bin_seconds (the
-- grain picks a tenth of the exam's duration): bin n holds [n * bin_seconds, (n + 1) * bin_seconds). Empty bins have no
-- row. The bin is cast to BIGINT because floor() is DOUBLE on DuckDB and BIGINT on Spark.
SELECT bin, count(*) AS attempts
FROM (
    SELECT CAST(floor(duration_seconds / CAST({{bin_seconds}} AS DOUBLE)) AS BIGINT) AS bin
    FROM session_submitted
    WHERE exam_id = {{exam_id}} AND duration_seconds IS NOT NULL
) AS timed
GROUP BY bin
ORDER BY bin
