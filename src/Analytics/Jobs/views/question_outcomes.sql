-- One row per question of a fully graded submission: the outcome of automatic grading, with the newest teacher grade
-- of that question where there is one. correct is the automatic verdict; for a question a teacher graded (essay,
-- short answer) it means full marks.
SELECT q.submission_id, q.exam_id, q.question_id, q.question_type, q.max_score, q.answered,
       s.submitted_at,
       COALESCE(m.question_score, q.score) AS score,
       CASE
           WHEN q.correct IS NOT NULL THEN q.correct
           WHEN COALESCE(m.question_score, q.score) IS NULL THEN FALSE
           ELSE COALESCE(m.question_score, q.score) >= q.max_score
       END AS correct
FROM submission_auto_graded_question AS q
JOIN graded_submissions AS s ON s.submission_id = q.submission_id
LEFT JOIN (
    SELECT submission_id, question_id, question_score,
           row_number() OVER (PARTITION BY submission_id, question_id ORDER BY occurred_at DESC, event_id DESC) AS newest
    FROM submission_manually_graded
) AS m ON m.submission_id = q.submission_id AND m.question_id = q.question_id AND m.newest = 1
