-- One row per fully graded submission (no question waiting for a teacher), from its grading facts: the automatic
-- grading and each manual grade. Score and percentage are the newest grading fact's; graded_at and graded_by are
-- those of the fact that first left no question pending ('auto' when automatic grading did it, else the teacher).
-- Submissions still waiting for a teacher are left out: the figures built on this view mean graded work.
SELECT latest.submission_id, latest.exam_id, latest.student_id, latest.teacher_id,
       latest.submitted_at, latest.submitted_at_epoch,
       latest.score, latest.max_score, latest.percentage,
       done.graded_at, done.graded_at_epoch, done.graded_by
FROM (
    SELECT submission_id, exam_id, student_id, teacher_id, submitted_at, submitted_at_epoch,
           score, max_score, percentage, pending_questions,
           row_number() OVER (PARTITION BY submission_id ORDER BY occurred_at DESC, event_id DESC) AS newest
    FROM (
        SELECT submission_id, exam_id, student_id, teacher_id, submitted_at, submitted_at_epoch,
               score, max_score, percentage, pending_questions, occurred_at, event_id
        FROM submission_auto_graded
        UNION ALL
        SELECT submission_id, exam_id, student_id, teacher_id, submitted_at, submitted_at_epoch,
               score, max_score, percentage, pending_questions, occurred_at, event_id
        FROM submission_manually_graded
    ) AS grading
) AS latest
JOIN (
    SELECT submission_id, graded_at, graded_at_epoch, graded_by,
           row_number() OVER (PARTITION BY submission_id ORDER BY occurred_at, event_id) AS first_complete
    FROM (
        SELECT submission_id, graded_at, graded_at_epoch, 'auto' AS graded_by, occurred_at, event_id
        FROM submission_auto_graded
        WHERE pending_questions = 0
        UNION ALL
        SELECT submission_id, graded_at, graded_at_epoch, grader_id AS graded_by, occurred_at, event_id
        FROM submission_manually_graded
        WHERE pending_questions = 0
    ) AS complete
) AS done ON done.submission_id = latest.submission_id AND done.first_complete = 1
WHERE latest.newest = 1 AND latest.pending_questions = 0
