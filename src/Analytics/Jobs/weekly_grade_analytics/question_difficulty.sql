-- Every question of the week's graded submissions (answered or not: an unanswered question counts as an incorrect
-- attempt), per exam and question: easy when 80 % or more of the attempts are correct, medium from 50 %, else hard.
SELECT exam_id, question_id, question_type,
       total_attempts,
       answered_count,
       correct_count,
       total_attempts - correct_count AS incorrect_count,
       avg_score,
       avg_max_score,
       correct_rate,
       CASE WHEN correct_rate >= 80 THEN 'easy' WHEN correct_rate >= 50 THEN 'medium' ELSE 'hard' END AS difficulty,
       {{period_first_day}} AS week_start
FROM (
    SELECT exam_id, question_id, question_type,
           count(*) AS total_attempts,
           count(CASE WHEN answered THEN 1 END) AS answered_count,
           count(CASE WHEN correct THEN 1 END) AS correct_count,
           avg(score) AS avg_score,
           avg(max_score) AS avg_max_score,
           100 * CAST(count(CASE WHEN correct THEN 1 END) AS DOUBLE) / count(*) AS correct_rate
    FROM question_outcomes
    WHERE submitted_at >= {{period_start}} AND submitted_at < {{period_end}}
    GROUP BY exam_id, question_id, question_type
) AS per_question
ORDER BY exam_id, question_id
