-- The student's published questions by question type: correct when the automatic verdict says so, or, for a question a
-- teacher graded (no verdict), at full marks; mean_percent is the mean share of the points earned.
SELECT question_type,
       count(*) AS attempts,
       100 * CAST(count(CASE WHEN correct THEN 1 END) AS DOUBLE) / count(*) AS correct_rate,
       100 * avg(coalesce(score, 0) / nullif(max_score, 0)) AS mean_percent
FROM (
    SELECT q.question_type, q.score, q.max_score,
           CASE
               WHEN q.correct IS NOT NULL THEN q.correct
               WHEN q.score IS NULL THEN FALSE
               ELSE q.score >= q.max_score
           END AS correct
    FROM submission_published_question AS q
    JOIN (
        SELECT event_id,
               row_number() OVER (PARTITION BY submission_id ORDER BY occurred_at DESC, event_id DESC) AS newest
        FROM submission_published
        WHERE student_id = {{student_id}}
    ) AS p ON p.event_id = q.event_id AND p.newest = 1
) AS questions
GROUP BY question_type
ORDER BY question_type
