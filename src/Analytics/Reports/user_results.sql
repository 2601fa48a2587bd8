-- The student's published results (what the student may see), one per submission (the newest publication), in
-- publication order. passed is the exam's own verdict at its pass mark.
SELECT submission_id, exam_id, percentage, passed, published_at
FROM (
    SELECT submission_id, exam_id, percentage, passed, published_at,
           row_number() OVER (PARTITION BY submission_id ORDER BY occurred_at DESC, event_id DESC) AS newest
    FROM submission_published
    WHERE student_id = {{student_id}}
) AS published
WHERE newest = 1
ORDER BY published_at, submission_id
