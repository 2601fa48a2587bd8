-- Per question of the exam's fully graded submissions: every question counts as an attempt (unanswered is incorrect),
-- difficulty as the weekly question_difficulty defines it (easy from 80 % correct, medium from 50 %, else hard).
SELECT question_id, question_type, attempts, answered_count, correct_count, correct_rate, mean_score, max_score,
       CASE WHEN correct_rate >= 80 THEN 'easy' WHEN correct_rate >= 50 THEN 'medium' ELSE 'hard' END AS difficulty
FROM (
    SELECT question_id, question_type,
           count(*) AS attempts,
           count(CASE WHEN answered THEN 1 END) AS answered_count,
           count(CASE WHEN correct THEN 1 END) AS correct_count,
           100 * CAST(count(CASE WHEN correct THEN 1 END) AS DOUBLE) / count(*) AS correct_rate,
           avg(score) AS mean_score,
           max(max_score) AS max_score
    FROM question_outcomes
    WHERE exam_id = {{exam_id}}
    GROUP BY question_id, question_type
) AS per_question
ORDER BY question_id
